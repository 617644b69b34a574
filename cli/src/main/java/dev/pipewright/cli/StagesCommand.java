package dev.pipewright.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.pipewright.engine.plugins.PluginRegistry;
import dev.pipewright.engine.plugins.StageTypeHandle;
import dev.pipewright.grammar.diag.Suggestions;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pipewright stages [TYPE]}: the installed stage types, or one of them in detail, as text
 * or JSON. Plugin loading problems go to standard error; the listing shows what did load.
 */
@Command(name = "stages", mixinStandardHelpOptions = true,
        description = "Lists the installed stage types, or shows the parameters and outputs of one.")
public final class StagesCommand implements Callable<Integer> {

    enum Format { text, json }

    @Parameters(arity = "0..1", paramLabel = "TYPE", description = "A stage type to show in detail, e.g. core.exec.")
    private String type;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default) or json: a list of objects with namespace, name, plugin, description, parameters, outputs.")
    private Format format;

    @Mixin
    private PluginOptions plugins;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (PluginRegistry registry = plugins.load(err)) {
            List<StageTypeHandle> shown = registry.stageTypes();
            if (type != null) {
                Optional<StageTypeHandle> handle = registry.handle(type);
                if (handle.isEmpty()) {
                    err.println("error: unknown stage type `" + type + "`"
                            + Suggestions.didYouMean(type, registry.qualifiedNames()).map(hint -> "; " + hint).orElse("")
                            + " (`pipewright stages` lists them all)");
                    return Main.EXIT_USAGE;
                }
                shown = List.of(handle.get());
            }
            if (format == Format.json) {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(shown.stream().map(StageTypeDescriptions::asJson).toList()));
            } else if (type != null) {
                out.print(StageTypeDescriptions.detail(shown.get(0)));
            } else {
                out.print(StageTypeDescriptions.table(shown));
            }
            out.flush();
            return registry.hasErrors() ? Main.EXIT_USAGE : Main.EXIT_OK;
        }
    }
}
