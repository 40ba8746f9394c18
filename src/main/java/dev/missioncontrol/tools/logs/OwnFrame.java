package dev.missioncontrol.tools.logs;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the application's own code was when a stack trace was taken: the frame a person opens first. The frames
 * above it are the JDK, the driver or the framework the code called into, which only say how the failure surfaced.
 * Java, Kotlin and Scala, Node.js and Go print the innermost frame first; Python prints it last.
 */
public final class OwnFrame {
    /** {@code at com.acme.Orders.place(Orders.java:88)}, with an optional module or class loader before a slash. */
    private static final Pattern JVM = Pattern.compile(
            "^\\s*at\\s+(?:[\\w.$@-]*/+)?([a-zA-Z_$][\\w$]*(?:\\.[\\w$<>]+)+)\\(([^)\\n]*)\\)", Pattern.MULTILINE);
    /** {@code at place (/app/src/orders.js:88:12)} or {@code at /app/src/orders.js:88:12}. */
    private static final Pattern NODE = Pattern.compile(
            "^\\s*at\\s+(?:(\\S[^(\\n]*?)\\s+\\()?((?:/|file://)[^():\\n]+):(\\d+):\\d+\\)?\\s*$", Pattern.MULTILINE);
    /** {@code File "/app/orders/service.py", line 88, in place}. */
    private static final Pattern PYTHON = Pattern.compile(
            "^\\s*File \"([^\"\\n]+)\", line (\\d+), in (\\S+)", Pattern.MULTILINE);
    /** {@code \t/app/orders/service.go:88 +0x1d}, the file line under each function of a Go panic. */
    private static final Pattern GO = Pattern.compile("^\\s+(/\\S+\\.go):(\\d+)(?: \\+0x[0-9a-f]+)?\\s*$",
            Pattern.MULTILINE);

    /** Code every application runs but none writes: its frames show the path to the failure, not its place. */
    private static final List<String> JVM_LIBRARIES = List.of("java.", "javax.", "jakarta.", "jdk.", "sun.",
            "com.sun.", "kotlin.", "kotlinx.", "scala.", "groovy.", "org.codehaus.groovy.", "org.springframework.",
            "org.apache.", "org.hibernate.", "org.eclipse.", "org.glassfish.", "org.jboss.", "io.netty.",
            "io.undertow.", "io.micrometer.", "io.opentelemetry.", "io.grpc.", "io.vertx.", "io.quarkus.",
            "io.micronaut.", "io.javalin.", "io.dropwizard.", "io.reactivex.", "reactor.", "akka.", "com.typesafe.",
            "com.fasterxml.", "com.google.", "com.zaxxer.", "org.postgresql.", "com.mysql.", "org.mariadb.",
            "oracle.", "com.oracle.", "com.microsoft.sqlserver.", "org.h2.", "org.sqlite.", "org.jooq.",
            "org.mybatis.", "org.flywaydb.", "liquibase.", "com.mongodb.", "org.mongodb.", "org.bson.",
            "redis.clients.", "io.lettuce.", "org.redisson.", "com.datastax.", "org.elasticsearch.", "co.elastic.",
            "org.slf4j.", "ch.qos.logback.", "okhttp3.", "okio.", "retrofit2.", "com.squareup.", "feign.",
            "com.netflix.", "io.github.resilience4j.", "org.aspectj.", "net.bytebuddy.", "org.junit.", "org.mockito.",
            "software.amazon.", "com.amazonaws.", "org.quartz.", "com.github.benmanes.caffeine.", "org.yaml.");

    /** The Go installation's own sources and downloaded modules. */
    private static final List<String> GO_LIBRARIES = List.of("/usr/local/go/", "/usr/lib/go", "/src/runtime/",
            "/pkg/mod/", "/vendor/");

    private OwnFrame() {
    }

    /** The first frame of the application's own code in the text's stack trace, or null when it shows none. */
    public static String in(String text) {
        if (text == null || text.indexOf('\n') < 0) {
            return null; // a frame sits on a line of its own, under the line that names the failure
        }
        String frame = jvm(text);
        if (frame == null) {
            frame = node(text);
        }
        if (frame == null) {
            frame = python(text);
        }
        return frame != null ? frame : go(text);
    }

    private static String jvm(String text) {
        Matcher m = JVM.matcher(text);
        while (m.find()) {
            String method = m.group(1);
            // a class named with "$$" is generated (a proxy or a CGLIB subclass); the real method is the next frame
            if (JVM_LIBRARIES.stream().noneMatch(method::startsWith) && !method.contains("$$")) {
                return method + "(" + m.group(2) + ")";
            }
        }
        return null;
    }

    private static String node(String text) {
        Matcher m = NODE.matcher(text);
        while (m.find()) {
            String file = m.group(2);
            if (!file.contains("/node_modules/")) {
                return file + ":" + m.group(3) + (m.group(1) == null ? "" : " in " + m.group(1));
            }
        }
        return null;
    }

    private static String python(String text) {
        Matcher m = PYTHON.matcher(text);
        String innermost = null;
        while (m.find()) {
            String file = m.group(1);
            if (!file.contains("-packages/") && !file.contains("/lib/python") && !file.startsWith("<")) {
                innermost = file + ":" + m.group(2) + " in " + m.group(3);
            }
        }
        return innermost;
    }

    private static String go(String text) {
        Matcher m = GO.matcher(text);
        while (m.find()) {
            String file = m.group(1);
            if (GO_LIBRARIES.stream().noneMatch(file::contains)) {
                return file + ":" + m.group(2);
            }
        }
        return null;
    }
}
