package airzone.http;

/**
 * A request the service refuses, with the HTTP status and a message for the client. Thrown anywhere
 * below a route; {@link HttpServer} turns it into {@code {status, error, detail}}.
 */
public final class ApiError extends RuntimeException {

    private final int status;

    private ApiError(int status, String detail) {
        super(detail);
        this.status = status;
    }

    public static ApiError badRequest(String detail) {
        return new ApiError(400, detail);
    }

    public static ApiError unauthorized(String detail) {
        return new ApiError(401, detail);
    }

    public static ApiError forbidden(String detail) {
        return new ApiError(403, detail);
    }

    public static ApiError notFound(String detail) {
        return new ApiError(404, detail);
    }

    public static ApiError conflict(String detail) {
        return new ApiError(409, detail);
    }

    public static ApiError methodNotAllowed(String detail) {
        return new ApiError(405, detail);
    }

    public static ApiError notAcceptable(String detail) {
        return new ApiError(406, detail);
    }

    public static ApiError preconditionFailed(String detail) {
        return new ApiError(412, detail);
    }

    public static ApiError preconditionRequired(String detail) {
        return new ApiError(428, detail);
    }

    public static ApiError unsupportedMediaType(String detail) {
        return new ApiError(415, detail);
    }

    /** 422: the request is well formed, but what it asks for has no answer (a clip that leaves nothing). */
    public static ApiError unprocessable(String detail) {
        return new ApiError(422, detail);
    }

    public static ApiError tooManyRequests(String detail) {
        return new ApiError(429, detail);
    }

    public static ApiError tooLarge(String detail) {
        return new ApiError(413, detail);
    }

    public static ApiError notImplemented(String detail) {
        return new ApiError(501, detail);
    }

    public static ApiError unavailable(String detail) {
        return new ApiError(503, detail);
    }

    public int status() {
        return status;
    }
}
