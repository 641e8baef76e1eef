package org.coro4j.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.coro4j.instrumenter.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceLocatorTest {

    @TempDir
    Path project;

    @Test
    void findsTheSourceInThePackageDirectoryOfTheRightRoot() throws Exception {
        Path main = project.resolve("src/main/java");
        Path generated = project.resolve("target/generated-sources/annotations");
        Files.createDirectories(generated.resolve("com/acme"));
        Files.writeString(generated.resolve("com/acme/Demo.java"), "");
        SourceLocator locator = new SourceLocator(project, List.of(main, generated));

        assertEquals("target/generated-sources/annotations/com/acme/Demo.java:12: Await.on outside @Async",
                locator.describe("com/acme/Demo$Inner", new Problem("Demo.java", 12, "Await.on outside @Async")));
    }

    @Test
    void classesInTheDefaultPackageAreFoundToo() throws Exception {
        Path main = project.resolve("src/main/java");
        Files.createDirectories(main);
        Files.writeString(main.resolve("Top.java"), "");
        SourceLocator locator = new SourceLocator(project, List.of(main));

        assertEquals("src/main/java/Top.java:3: m", locator.describe("Top", new Problem("Top.java", 3, "m")));
    }

    @Test
    void fallsBackToTheBareFileName() {
        SourceLocator locator = new SourceLocator(project, List.of(project.resolve("src/main/java")));
        assertEquals("Gone.java:7: m", locator.describe("com/acme/Gone", new Problem("Gone.java", 7, "m")));
    }

    @Test
    void aConstructorIsFoundByItsClassNameAndNotByANewExpression() throws Exception {
        Path main = project.resolve("src/main/java");
        Files.createDirectories(main.resolve("com/acme"));
        Files.writeString(main.resolve("com/acme/Widget.java"), String.join("\n",
                "package com.acme;",
                "class Widget {",
                "    static final Widget DEFAULT = new Widget(0);",
                "    Widget(int size) {",
                "        this(size, new Widget(1));",
                "    }",
                "}"));
        SourceLocator locator = new SourceLocator(project, List.of(main));

        assertEquals("src/main/java/com/acme/Widget.java:4: m", locator.describe("com/acme/Widget",
                new Problem("Widget.java", 3, "m", new Problem.Declaration("Widget", 1, 5))));
        assertEquals("src/main/java/com/acme/Widget.java:3: m", locator.describe("com/acme/Widget",
                new Problem("Widget.java", 3, "m", new Problem.Declaration("Widget", 5, 6))),
                "no declaration in the range: the estimate stays");
    }
}
