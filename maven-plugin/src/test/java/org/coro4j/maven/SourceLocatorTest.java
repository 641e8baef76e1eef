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
}
