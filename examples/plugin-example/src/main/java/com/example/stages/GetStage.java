package com.example.stages;

import dev.pipewright.spi.Arguments;
import dev.pipewright.spi.Cancellation;
import dev.pipewright.spi.StageContext;
import dev.pipewright.spi.StageFailure;
import dev.pipewright.spi.StageSchema;
import dev.pipewright.spi.StageType;
import dev.pipewright.spi.ValueType;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * {@code http.get}: fetches a URL and returns its status and body. A server error or a refused
 * connection may pass, so they are retryable; any other unexpected status is not.
 */
final class GetStage implements StageType {

    private static final StageSchema SCHEMA = StageSchema.builder("Fetches a URL with HTTP GET and returns the response")
            .required("url", ValueType.STRING, "the http:// or https:// URL to fetch")
            .optional("headers", ValueType.MAP, Map.of(), "request headers, by name")
            .optional("expect-status", ValueType.INT, 200L, "the status that counts as success")
            .output("status-code", ValueType.INT, "the response's status code")
            .output("body", ValueType.STRING, "the response's body, as text")
            .output("content-type", ValueType.STRING, "the Content-Type header, or null")
            .build();

    @Override
    public String name() {
        return "get";
    }

    @Override
    public StageSchema schema() {
        return SCHEMA;
    }

    @Override
    public Map<String, Object> run(StageContext context) throws StageFailure, InterruptedException {
        Arguments arguments = context.arguments();
        URI uri = uri(arguments.string("url"));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        Map<String, String> headers = arguments.stringMap("headers");
        if (headers != null) {
            headers.forEach(request::header);
        }
        context.progress().report(null, "GET " + uri);
        CompletableFuture<HttpResponse<String>> response = Client.INSTANCE.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
        // A timeout or Ctrl-C aborts the exchange instead of leaving it to finish in the background.
        Cancellation.Registration abort = context.cancellation().onCancel(() -> response.cancel(true));
        try {
            return outputs(context, uri, response.get(), expectedStatus(arguments));
        } catch (InterruptedException e) {
            response.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            if (context.cancellation().isCancelled()) {
                // The abort above failed the exchange: that is the cancellation, not a network error.
                throw new InterruptedException("GET " + uri + " cancelled");
            }
            Throwable cause = e.getCause() == null ? e : e.getCause();
            boolean mayPass = cause instanceof ConnectException || cause instanceof IOException;
            String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            throw new StageFailure("GET " + uri + " failed: " + reason, mayPass, cause);
        } catch (java.util.concurrent.CancellationException e) {
            throw new InterruptedException("GET " + uri + " cancelled");
        } finally {
            abort.close();
        }
    }

    /**
     * One client for all attempts, made on first use (never while the plugin is only listed):
     * HttpClient is thread-safe, and each client keeps a selector thread alive.
     */
    private static final class Client {
        static final HttpClient INSTANCE = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    private static long expectedStatus(Arguments arguments) {
        Long expected = arguments.integer("expect-status");
        return expected == null ? 200 : expected;
    }

    private static Map<String, Object> outputs(StageContext context, URI uri, HttpResponse<String> response, long expected)
            throws StageFailure {
        int status = response.statusCode();
        context.log().stdout("GET " + uri + " -> " + status + " (" + response.body().length() + " characters)");
        if (status != expected) {
            String message = "GET " + uri + " answered " + status + ", expected " + expected;
            throw status >= 500 ? StageFailure.retryable(message) : StageFailure.permanent(message);
        }
        Map<String, Object> outputs = new HashMap<>();
        outputs.put("status-code", (long) status);
        outputs.put("body", response.body());
        outputs.put("content-type", response.headers().firstValue("Content-Type").orElse(null));
        return outputs;
    }

    private static URI uri(String url) throws StageFailure {
        try {
            URI uri = URI.create(url);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw StageFailure.permanent("`url` must start with http:// or https://, not `" + url + "`");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw StageFailure.permanent("`url` is not a valid URL: " + url, e);
        }
    }
}
