package dev.pipewright.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The arguments of a lean command ({@link LeanCommand}), read without picocli. picocli costs a
 * cold process more than a {@code check} itself: its classes are compiled for Java 5, so class
 * data sharing cannot archive them, and its annotation processing makes dynamic proxies.
 *
 * <p>Only the plain forms are read: {@code --name value}, {@code --name=value}, a short option
 * followed by its value, flags, and operands that do not start with {@code -} or {@code @}.
 * Anything else makes {@link Syntax#read} return empty and picocli reads the arguments instead:
 * help, version, an unknown option, {@code --}, an {@code @file}, a value that starts with
 * {@code -} or {@code @}, a missing value, a single-valued option given twice. So picocli stays
 * the only author of help and error messages, and the lean reader only ever accepts what picocli
 * would read the same way (CLI tests compare the two on generated arguments).
 */
public final class LeanArguments {

    private final Map<String, List<String>> values;
    private final List<String> operands;

    private LeanArguments(Map<String, List<String>> values, List<String> operands) {
        this.values = values;
        this.operands = operands;
    }

    /** A command's options; each is known by its first name. */
    public static Syntax syntax() {
        return new Syntax();
    }

    /** The value of a single-valued option, if it was given. */
    public Optional<String> value(String name) {
        List<String> given = values.getOrDefault(name, List.of());
        return given.isEmpty() ? Optional.empty() : Optional.of(given.get(0));
    }

    /** Every value of a repeatable option, in the order given. */
    public List<String> values(String name) {
        return values.getOrDefault(name, List.of());
    }

    public boolean flag(String name) {
        return values.containsKey(name);
    }

    /** The arguments that are not options, in the order given. */
    public List<String> operands() {
        return operands;
    }

    /** The options one command takes. */
    public static final class Syntax {

        private enum Kind { SINGLE, REPEATABLE, FLAG }

        private record Option(String name, Kind kind) {
        }

        private final Map<String, Option> byName = new HashMap<>();

        private Syntax() {
        }

        /** An option that takes one value and may be given once. */
        public Syntax single(String... names) {
            return add(Kind.SINGLE, names);
        }

        /** An option that takes one value and may be given any number of times. */
        public Syntax repeatable(String... names) {
            return add(Kind.REPEATABLE, names);
        }

        /** An option without a value, given at most once. */
        public Syntax flag(String... names) {
            return add(Kind.FLAG, names);
        }

        private Syntax add(Kind kind, String... names) {
            Option option = new Option(names[0], kind);
            for (String name : names) {
                byName.put(name, option);
            }
            return this;
        }

        /** The arguments, or empty when they are anything but the plain forms this class reads. */
        public Optional<LeanArguments> read(List<String> args) {
            Map<String, List<String>> values = new HashMap<>();
            List<String> operands = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                if (!arg.startsWith("-")) {
                    if (arg.startsWith("@")) {
                        return Optional.empty();
                    }
                    operands.add(arg);
                    continue;
                }
                int equals = arg.indexOf('=');
                boolean attached = arg.startsWith("--") && equals > 0;
                Option option = byName.get(attached ? arg.substring(0, equals) : arg);
                if (option == null || option.kind != Kind.REPEATABLE && values.containsKey(option.name)) {
                    return Optional.empty();
                }
                List<String> given = values.computeIfAbsent(option.name, name -> new ArrayList<>());
                if (option.kind == Kind.FLAG) {
                    if (attached) {
                        return Optional.empty();
                    }
                    continue;
                }
                String value;
                if (attached) {
                    value = arg.substring(equals + 1);
                } else if (i + 1 < args.size()) {
                    value = args.get(++i);
                } else {
                    return Optional.empty();
                }
                if (value.startsWith("-") || value.startsWith("@")) {
                    return Optional.empty();
                }
                given.add(value);
            }
            return Optional.of(new LeanArguments(values, operands));
        }
    }
}
