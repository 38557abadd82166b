/**
 * The HTTP side (Javalin): every route in one block ({@code HttpServer}), short controllers that adapt
 * requests to the services {@code App} built ({@code Services}), parameter names
 * ({@code QueryParams}), bounded body reading ({@code RequestBody}), and the one mapping from
 * failures to {@code {status, error, detail}}.
 *
 * <p>May depend on every package except store and the root package: it reaches the database only
 * through {@code layer.FeatureStore} and {@code auth.UserStore}.
 */
package airzone.http;
