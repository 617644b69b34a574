package dev.pipewright.engine.plugins;

import java.util.ArrayList;
import java.util.List;

/**
 * The Java source of a small {@code StagePlugin} for tests: a namespace and stage types, each with
 * a schema expression and a {@code run} body written as Java text.
 */
public final class StagePluginSource {

    private final String className;
    private final String namespace;
    private final List<String> typeClasses = new ArrayList<>();
    private String constructorBody = "";

    private StagePluginSource(String className, String namespace) {
        this.className = className;
        this.namespace = namespace;
    }

    /** A plugin class {@code className} (qualified) with the namespace {@code namespace}. */
    public static StagePluginSource plugin(String className, String namespace) {
        return new StagePluginSource(className, namespace);
    }

    /** A stage type with a one-parameter-free schema that returns {@code outputs} (a Java expression). */
    public StagePluginSource stageType(String name, String runBody) {
        return stageType(name, "StageSchema.builder(\"" + name + " for tests\").output(\"result\", ValueType.STRING, \"what it did\").build()", runBody);
    }

    /**
     * A stage type.
     *
     * @param schema a Java expression of type {@code StageSchema}
     * @param runBody the body of {@code run(StageContext context)}
     */
    public StagePluginSource stageType(String name, String schema, String runBody) {
        String typeClass = "Type" + typeClasses.size();
        typeClasses.add("""
                    static final class %s implements StageType {
                        public String name() { return %s; }
                        public StageSchema schema() { return %s; }
                        public Map<String, Object> run(StageContext context) throws StageFailure, InterruptedException { %s }
                    }
                """.formatted(typeClass, name == null ? "null" : "\"" + name + "\"", schema, runBody));
        return this;
    }

    /** Java statements run by the plugin's constructor. */
    public StagePluginSource constructor(String body) {
        this.constructorBody = body;
        return this;
    }

    public String className() {
        return className;
    }

    public String toSource() {
        int dot = className.lastIndexOf('.');
        String types = String.join(", ", java.util.stream.IntStream.range(0, typeClasses.size()).mapToObj(i -> "new Type" + i + "()").toList());
        return """
                package %s;

                import dev.pipewright.spi.*;
                import java.util.*;

                public final class %s implements StagePlugin {
                    public %s() { %s }
                    public String namespace() { return %s; }
                    public List<StageType> stageTypes() { return List.of(%s); }
                %s
                }
                """.formatted(className.substring(0, dot), className.substring(dot + 1), className.substring(dot + 1),
                constructorBody, namespace == null ? "null" : "\"" + namespace + "\"", types, String.join("\n", typeClasses));
    }
}
