package org.coro4j.maven;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Decides which class files to instrument from Ant-style include and exclude patterns matched
 * against paths relative to the classes directory, such as {@code com/acme/Demo.class}.
 * {@code *} matches within one directory, {@code **} across directories, {@code ?} one character.
 */
final class ClassFileFilter {

    /** The include pattern used when none is configured. */
    static final String DEFAULT_INCLUDE = "**/*.class";

    private final List<Pattern> includes;
    private final List<Pattern> excludes;

    /**
     * Creates a filter.
     *
     * @param includes patterns of files to instrument; null or empty means every class file
     * @param excludes patterns of files to leave alone, winning over includes; may be null
     */
    ClassFileFilter(List<String> includes, List<String> excludes) {
        List<String> included = includes == null || includes.isEmpty() ? List.of(DEFAULT_INCLUDE) : includes;
        this.includes = included.stream().map(ClassFileFilter::compile).toList();
        this.excludes = excludes == null ? List.of() : excludes.stream().map(ClassFileFilter::compile).toList();
    }

    /** Whether the class file at this relative path (separated by {@code /}) is instrumented. */
    boolean accepts(String relativePath) {
        return includes.stream().anyMatch(p -> p.matcher(relativePath).matches())
                && excludes.stream().noneMatch(p -> p.matcher(relativePath).matches());
    }

    /** Translates one Ant-style pattern to a regular expression. */
    static Pattern compile(String antPattern) {
        String pattern = antPattern.trim().replace('\\', '/');
        if (pattern.endsWith("/")) {
            pattern = pattern + "**";
        }
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (pattern.startsWith("**/", i)) {
                regex.append("(?:.*/)?");
                i += 3;
            } else if (pattern.startsWith("**", i)) {
                regex.append(".*");
                i += 2;
            } else if (c == '*') {
                regex.append("[^/]*");
                i++;
            } else if (c == '?') {
                regex.append("[^/]");
                i++;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
                i++;
            }
        }
        return Pattern.compile(regex.toString());
    }
}
