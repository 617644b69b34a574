package dev.pipewright.grammar.query;

import dev.pipewright.grammar.QueryLexer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.Token;

/** Turns ANTLR's messages into ones a user of the query language can act on. */
final class SyntaxMessages {

    private static final Pattern EXPECTING = Pattern.compile("expecting (\\{(.*)}|(.*))$");

    private SyntaxMessages() {
    }

    static String describe(Token token, String antlrMessage) {
        if (token != null && token.getType() == QueryLexer.OTHER) {
            if (token.getText().equals("\"")) {
                return "unterminated string: close it with `\"` on the same line";
            }
            return "unexpected character `" + token.getText() + "`";
        }
        String found = token == null || token.getType() == Token.EOF ? "end of query" : "`" + token.getText() + "`";
        String expected = expected(antlrMessage);
        if (found.equals("end of query") && expected.contains("`}`")) {
            return "unexpected end of query: a `{` is still open; expected " + expected;
        }
        return "unexpected " + found + (expected.isEmpty() ? "" : "; expected " + expected);
    }

    private static String expected(String antlrMessage) {
        Matcher matcher = EXPECTING.matcher(antlrMessage);
        if (!matcher.find()) {
            return antlrMessage.startsWith("missing ") ? translate(antlrMessage.split(" ")[1]) : "";
        }
        String list = matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
        List<String> names = new ArrayList<>();
        for (String item : list.split(",\\s*")) {
            String name = translate(item.trim());
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        return String.join(" or ", names);
    }

    private static String translate(String antlrToken) {
        return switch (antlrToken) {
            case "NAME" -> "a name";
            case "STRING" -> "a string";
            case "INT" -> "a number";
            case "<EOF>" -> "the end of the query";
            default -> antlrToken.startsWith("'") ? "`" + antlrToken.substring(1, antlrToken.length() - 1) + "`"
                    : antlrToken;
        };
    }
}
