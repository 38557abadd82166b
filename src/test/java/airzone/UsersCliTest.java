package airzone;

import airzone.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The users command against a real embedded store, then the service on that store honouring what it did. */
class UsersCliTest {

    @TempDir
    Path dataDir;

    @Test
    void addedUsersSignInAndDisabledOnesCannot() throws Exception {
        Map<String, String> env = Map.of("AIRZONE_DATA_DIR", dataDir.toString(), "AIRZONE_PORT", "0");
        assertThat(run(env, "planner-pass\n", "add", "lin", "planner").code()).isZero();
        assertThat(run(env, "viewer-pass\n", "add", "wu", "viewer").code()).isZero();
        Result duplicate = run(env, "another-pass\n", "add", "lin", "viewer");
        assertThat(duplicate.code()).isEqualTo(2);
        assertThat(duplicate.err()).contains("exists");
        assertThat(run(env, "short\n", "add", "zhao", "viewer").err()).contains("at least 8");
        assertThat(run(env, "", "add", "zhao", "chief").err()).contains("ROLE must be");
        assertThat(run(env, "", "disable", "wu").code()).isZero();
        Result list = run(env, "", "list");
        assertThat(list.out()).containsPattern("lin\\s+planner\\s+no").containsPattern("wu\\s+viewer\\s+yes");
        assertThat(list.out()).doesNotContain("planner-pass");
        assertThat(run(env, "", "frobnicate").code()).isEqualTo(2);

        try (App app = App.start(Config.from(env, new String[0]))) {
            assertThat(write(app, "lin", "planner-pass")).isEqualTo(201);
            assertThat(write(app, "wu", "viewer-pass")).isEqualTo(401);
        }
    }

    private static int write(App app, String name, String password) throws Exception {
        String body = "{\"type\":\"Feature\",\"properties\":{\"name\":\"命令行测试\",\"class\":\"I\"},\"geometry\":{\"type\":\"Polygon\","
                + "\"coordinates\":[[[119.5,39.9],[119.51,39.9],[119.51,39.91],[119.5,39.9]]]}}";
        HttpRequest post = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/ogc/collections/ban-zones/items"))
                .header("Content-Type", "application/geo+json")
                .header("Authorization", RunningService.basic(name, password))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(post, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private record Result(int code, String out, String err) {
    }

    private static Result run(Map<String, String> env, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = UsersCli.run(env, args, new BufferedReader(new StringReader(stdin)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
