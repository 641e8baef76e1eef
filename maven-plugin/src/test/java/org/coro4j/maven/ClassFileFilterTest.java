package org.coro4j.maven;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassFileFilterTest {

    @Test
    void defaultIncludesEveryClassFileAtAnyDepth() {
        ClassFileFilter filter = new ClassFileFilter(null, null);
        assertTrue(filter.accepts("Top.class"));
        assertTrue(filter.accepts("com/acme/Demo.class"));
        assertFalse(filter.accepts("com/acme/notes.txt"));
    }

    @Test
    void singleStarStaysInOneDirectoryAndDoubleStarCrossesThem() {
        ClassFileFilter filter = new ClassFileFilter(List.of("com/acme/*.class"), List.of());
        assertTrue(filter.accepts("com/acme/Demo.class"));
        assertFalse(filter.accepts("com/acme/sub/Demo.class"));

        ClassFileFilter deep = new ClassFileFilter(List.of("com/**/Demo?.class"), List.of());
        assertTrue(deep.accepts("com/Demo1.class"));
        assertTrue(deep.accepts("com/a/b/Demo2.class"));
        assertFalse(deep.accepts("com/a/b/Demo.class"));
    }

    @Test
    void excludesWinOverIncludes() {
        ClassFileFilter filter = new ClassFileFilter(List.of("com/acme/"), List.of("**/generated/**", "**/*Test.class"));
        assertTrue(filter.accepts("com/acme/Demo.class"));
        assertFalse(filter.accepts("com/acme/generated/Demo.class"));
        assertFalse(filter.accepts("com/acme/DemoTest.class"));
        assertFalse(filter.accepts("org/other/Demo.class"));
    }

    @Test
    void dotsAndDollarsAreLiteral() {
        ClassFileFilter filter = new ClassFileFilter(List.of("**/Demo$Inner.class"), List.of());
        assertTrue(filter.accepts("a/Demo$Inner.class"));
        assertFalse(filter.accepts("a/Demo$InnerXclass"));
    }
}
