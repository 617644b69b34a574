package dev.pipewright.cli.console;

import java.util.Map;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/**
 * Colours and symbols of the console. Colour is used only when allowed: never when {@code NO_COLOR}
 * is set (https://no-color.org), never when the output is not a terminal, never on a dumb terminal.
 */
public final class ConsoleStyle {

    static final AttributedStyle OK = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
    static final AttributedStyle FAILED = AttributedStyle.DEFAULT.foreground(AttributedStyle.RED).bold();
    static final AttributedStyle WARNING = AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);
    static final AttributedStyle RUNNING = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
    static final AttributedStyle DIM = AttributedStyle.DEFAULT.faint();
    /** A stage that did not run because an earlier result was reused. */
    static final AttributedStyle CACHED = AttributedStyle.DEFAULT.foreground(AttributedStyle.BLUE);
    static final AttributedStyle BOLD = AttributedStyle.DEFAULT.bold();

    private final boolean colour;

    private ConsoleStyle(boolean colour) {
        this.colour = colour;
    }

    public static ConsoleStyle colour() {
        return new ConsoleStyle(true);
    }

    public static ConsoleStyle monochrome() {
        return new ConsoleStyle(false);
    }

    /** Colour when the output is a terminal that can show it and the user did not opt out. */
    public static ConsoleStyle forOutput(boolean isTerminal, Map<String, String> environment) {
        String noColor = environment.get("NO_COLOR");
        boolean optedOut = noColor != null && !noColor.isEmpty();
        boolean dumb = "dumb".equals(environment.get("TERM"));
        return new ConsoleStyle(isTerminal && !optedOut && !dumb);
    }

    public boolean usesColour() {
        return colour;
    }

    /** The line as it should be written: with ANSI colour codes, or as plain text. */
    public String render(AttributedString line) {
        return colour ? line.toAnsi() : line.toString();
    }
}
