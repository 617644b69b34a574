package dev.pipewright.grammar.format;

import dev.pipewright.grammar.ast.Comment;
import dev.pipewright.grammar.ast.SourceSpan;
import java.util.ArrayList;
import java.util.List;

/**
 * The file's comments, each handed out once: as leading lines before the item that follows it,
 * as the trailing comment of the line it ends, or before the closing brace of its block.
 */
final class Comments {

    private final List<Comment> comments;
    private final boolean[] taken;
    /** Every comment before this index has been handed out; keeps the scans short. */
    private int firstUntaken;

    Comments(List<Comment> comments) {
        this.comments = comments;
        this.taken = new boolean[comments.size()];
    }

    /** Comments starting after {@code after} (exclusive; null for none) and before {@code before}. */
    List<String> between(SourceSpan after, SourceSpan before) {
        List<String> result = new ArrayList<>();
        for (int i = firstUntaken; i < comments.size() && isBefore(comments.get(i).span(), before); i++) {
            if (!taken[i] && (after == null || isAfterEnd(comments.get(i).span(), after))) {
                take(i);
                result.add(comments.get(i).text());
            }
        }
        return result;
    }

    /** Comments inside {@code span} not handed out yet: a comment in the middle of an expression. */
    List<String> within(SourceSpan span) {
        List<String> result = new ArrayList<>();
        for (int i = firstUntaken; i < comments.size() && !isAfterEnd(comments.get(i).span(), span); i++) {
            if (!taken[i] && !isBefore(comments.get(i).span(), span)) {
                take(i);
                result.add(comments.get(i).text());
            }
        }
        return result;
    }

    /** Whether a comment not handed out yet lies inside {@code span}. */
    boolean anyWithin(SourceSpan span) {
        for (int i = firstUntaken; i < comments.size() && !isAfterEnd(comments.get(i).span(), span); i++) {
            if (!taken[i] && !isBefore(comments.get(i).span(), span)) {
                return true;
            }
        }
        return false;
    }

    /** The comment on {@code line} after column {@code column}, if any: it trails that line. */
    String trailing(int line, int column) {
        for (int i = firstUntaken; i < comments.size() && comments.get(i).span().line() <= line; i++) {
            SourceSpan at = comments.get(i).span();
            if (!taken[i] && at.line() == line && at.column() > column) {
                take(i);
                return comments.get(i).text();
            }
        }
        return null;
    }

    /** Every comment not handed out yet, in order. */
    List<String> rest() {
        List<String> result = new ArrayList<>();
        for (int i = firstUntaken; i < comments.size(); i++) {
            if (!taken[i]) {
                take(i);
                result.add(comments.get(i).text());
            }
        }
        return result;
    }

    private void take(int i) {
        taken[i] = true;
        while (firstUntaken < comments.size() && taken[firstUntaken]) {
            firstUntaken++;
        }
    }

    private static boolean isBefore(SourceSpan a, SourceSpan b) {
        return a.line() < b.line() || a.line() == b.line() && a.column() < b.column();
    }

    private static boolean isAfterEnd(SourceSpan a, SourceSpan b) {
        return a.line() > b.endLine() || a.line() == b.endLine() && a.column() > b.endColumn();
    }
}
