package airzone.http;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/** The one error shape of the whole API: {@code {status, error, detail}}. */
record ErrorBody(int status, String error, String detail) {

    static void send(Context ctx, int status, String detail) {
        ctx.status(status).json(new ErrorBody(status, HttpStatus.forStatus(status).getMessage(), detail));
    }
}
