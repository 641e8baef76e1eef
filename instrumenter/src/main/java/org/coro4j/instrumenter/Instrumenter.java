package org.coro4j.instrumenter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassTooLargeException;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Entry point of the transform: takes one class file, returns what must be written instead.
 * It finds the coroutine methods ({@link CoroutineMethodFinder}), splits each into a stub, a body
 * and a continuation frame class ({@link CoroutineSplitter}), and verifies every class it writes
 * ({@link ClassVerifier}). Instances are stateless and may be shared between threads.
 */
public final class Instrumenter {
    private static final int OLDEST_SUPPORTED_VERSION = Opcodes.V1_8;
    private static final int CLASS_FILE_MAGIC = 0xCAFEBABE;
    /** HotSpot's {@code HugeMethodLimit}: it never JIT-compiles a method with more bytecode than this. */
    private static final int HUGE_METHOD_LIMIT = 8_000;
    /** Magic (4 bytes), minor and major version (2 each), constant pool count (2). */
    private static final int HEADER_LENGTH = 10;

    /**
     * Instruments one class file.
     *
     * @param classFile the bytes of a class file, as javac wrote them
     * @return the classes to write; {@link InstrumentedClass#changed()} is false when the class has
     *     no coroutine in it or was instrumented before
     * @throws InstrumentationException listing every misuse found, each as {@code File.java:line: message}
     */
    public InstrumentedClass instrument(byte[] classFile) throws InstrumentationException {
        return instrument(classFile, null);
    }

    /**
     * Instruments one class file read from {@code fileName}, which errors about the file itself name.
     *
     * @param classFile the bytes of a class file, as javac wrote them
     * @param fileName where the bytes come from, for example {@code target/classes/demo/Demo.class}; may be null
     * @return the classes to write, as {@link #instrument(byte[])} does
     * @throws InstrumentationException listing every misuse found, or saying why the file is not a class file
     */
    public InstrumentedClass instrument(byte[] classFile, String fileName) throws InstrumentationException {
        ClassReader reader = read(classFile, fileName);
        if (!ConstantPoolScan.mentionsCoroutines(reader)) {
            return unchanged(reader.getClassName());
        }
        ClassNode owner = new ClassNode();
        try {
            reader.accept(owner, ClassReader.EXPAND_FRAMES);
        } catch (RuntimeException e) {
            throw malformed(fileName != null ? fileName : reader.getClassName() + ".class", e);
        }
        if (isInstrumented(owner)) {
            return unchanged(owner.name);
        }
        CoroutineMethodFinder finder = new CoroutineMethodFinder(owner).scan();
        if (finder.coroutines().isEmpty()) {
            throwIfAny(finder.problems());
            return unchanged(owner.name);
        }
        if ((owner.version & 0xFFFF) < OLDEST_SUPPORTED_VERSION) {
            List<Problem> problems = new ArrayList<>(finder.problems());
            problems.add(new SourceLines(owner).at(finder.coroutines().get(0),
                    "class file version " + (owner.version & 0xFFFF) + " is older than Java 8; compile with --release 8 or later"));
            throwIfAny(problems);
        }
        return rewrite(owner, finder.coroutines(), finder.problems(), CodeSizes.of(classFile));
    }

    /** Throws listing {@code problems} in source-line order, if there are any. */
    private static void throwIfAny(List<Problem> problems) throws InstrumentationException {
        if (!problems.isEmpty()) {
            List<Problem> sorted = new ArrayList<>(problems);
            sorted.sort(Comparator.comparingInt(Problem::line));
            throw new InstrumentationException(sorted);
        }
    }

    /** Splits every coroutine, reporting the problems of all of them and {@code found} before, sorted by line. */
    private static InstrumentedClass rewrite(ClassNode owner, List<MethodNode> coroutines, List<Problem> found,
            Map<String, Integer> javacSizes) throws InstrumentationException {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        List<MethodNode> bodies = new ArrayList<>();
        List<Problem> problems = new ArrayList<>(found);
        SourceLines lines = new SourceLines(owner);
        List<CoroutineSize> before = new ArrayList<>();
        // where each coroutine is declared, taken before splitting rewrites the method's code
        List<Problem> declarations = new ArrayList<>();
        List<MethodNode> directBodies = new ArrayList<>();
        CoroutineSplitter splitter = new CoroutineSplitter(owner);
        List<String> continuationClasses = new ArrayList<>();
        for (MethodNode method : coroutines) {
            continuationClasses.add(owner.name + "$" + method.name + "$Coro" + continuationClasses.size());
        }
        DirectCallees directs = DirectCallees.of(owner, coroutines, continuationClasses, javacSizes);
        for (int i = 0; i < coroutines.size(); i++) {
            MethodNode method = coroutines.get(i);
            String key = method.name + method.desc;
            before.add(new CoroutineSize(key, lines.at(method, key).line(), javacSizes.get(key), 0));
            declarations.add(lines.atDeclaration(method, key));
            try {
                CoroutineSplitter.Split split = splitter.split(method, continuationClasses.get(i), directs);
                bodies.add(split.body());
                if (split.direct() != null) {
                    directBodies.add(split.direct());
                }
                classes.put(split.continuationClass(), split.continuationClassBytes());
            } catch (InstrumentationException e) {
                problems.addAll(e.problems());
            }
        }
        throwIfAny(problems);
        owner.methods.addAll(bodies);
        owner.methods.addAll(directBodies);
        markInstrumented(owner);
        Map<String, byte[]> result = new LinkedHashMap<>();
        result.put(owner.name, write(owner, bodies, declarations));
        result.putAll(classes);
        result.values().forEach(ClassVerifier::verify);
        Map<String, Integer> instrumentedSizes = CodeSizes.of(result.get(owner.name));
        List<CoroutineSize> sizes = new ArrayList<>();
        List<Problem> warnings = new ArrayList<>();
        for (int i = 0; i < coroutines.size(); i++) {
            CoroutineSize size = before.get(i);
            int after = instrumentedSizes.get(bodies.get(i).name + bodies.get(i).desc);
            sizes.add(new CoroutineSize(size.method(), size.line(), size.javacBytes(), after));
            if (after > HUGE_METHOD_LIMIT) {
                warnings.add(declarations.get(i).saying(String.format(Locale.ROOT,
                        "warning: coroutine %s() is %,d bytes once instrumented; HotSpot does not JIT-compile methods over %,d bytes: split it",
                        coroutines.get(i).name, after, HUGE_METHOD_LIMIT)));
            }
        }
        return new InstrumentedClass(owner.name, result, coroutines.size(), List.copyOf(sizes), List.copyOf(warnings));
    }

    /**
     * Writes {@code owner}; a body too large for the JVM is a problem at the declaration of its
     * coroutine ({@code declarations} are those of {@code bodies}, in the same order).
     */
    private static byte[] write(ClassNode owner, List<MethodNode> bodies, List<Problem> declarations)
            throws InstrumentationException {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        owner.accept(writer);
        try {
            return writer.toByteArray();
        } catch (MethodTooLargeException e) {
            MethodNode body = bodies.stream()
                    .filter(m -> m.name.equals(e.getMethodName()) && m.desc.equals(e.getDescriptor()))
                    .findFirst().orElseThrow(() -> e);
            throw new InstrumentationException(declarations.get(bodies.indexOf(body)).saying("coroutine " + e.getMethodName()
                    + "() is too large once instrumented (" + e.getCodeSize() + " bytes of code, over the JVM's 65535):"
                    + (hasFinally(body) ? " each Await.on keeps the values live there, and javac copies finally blocks to every exit;"
                            : " each Await.on keeps the values live there;")
                    + " split the method into smaller coroutines"));
        } catch (ClassTooLargeException e) {
            throw new InstrumentationException(new SourceLines(owner).at(owner.methods.get(0),
                    "class " + owner.name + " is too large once instrumented (" + e.getConstantPoolCount()
                    + " constant pool entries); split it into smaller classes"));
        }
    }

    /** Whether javac compiled a {@code finally} block (or try-with-resources) in {@code body}: a handler catching everything. */
    private static boolean hasFinally(MethodNode body) {
        return body.tryCatchBlocks.stream().anyMatch(block -> block.type == null);
    }

    private static ClassReader read(byte[] classFile, String fileName) throws InstrumentationException {
        String where = fileName != null ? fileName : "(class file)";
        if (classFile.length == 0) {
            throw new InstrumentationException(new Problem(where, 0, "not a class file: it is empty"));
        }
        if (!startsWithMagic(classFile)) {
            throw new InstrumentationException(new Problem(where, 0, "not a class file: it does not start with 0xCAFEBABE"));
        }
        if (classFile.length < HEADER_LENGTH) {
            throw new InstrumentationException(new Problem(where, 0, "not a valid class file: truncated: it is "
                    + classFile.length + " bytes long, shorter than the " + HEADER_LENGTH
                    + "-byte header (magic, version, constant pool count)"));
        }
        try {
            ClassReader reader = new ClassReader(classFile);
            reader.getClassName();
            return reader;
        } catch (RuntimeException e) {
            throw malformed(where, e);
        }
    }

    /** Whether the file starts with the magic number, or with as much of it as the file holds. */
    private static boolean startsWithMagic(byte[] bytes) {
        for (int i = 0; i < Math.min(4, bytes.length); i++) {
            if ((bytes[i] & 0xFF) != (CLASS_FILE_MAGIC >>> (24 - 8 * i) & 0xFF)) {
                return false;
            }
        }
        return true;
    }

    private static InstrumentationException malformed(String where, RuntimeException cause) {
        String detail = cause instanceof IllegalArgumentException && cause.getMessage() != null
                && cause.getMessage().startsWith("Unsupported class file major version")
                ? cause.getMessage() + "; use a newer coro4j instrumenter or compile with an older --release"
                : "truncated or corrupt (" + cause + ")";
        return new InstrumentationException(new Problem(where, 0, "not a valid class file: " + detail));
    }

    private static InstrumentedClass unchanged(String className) {
        return new InstrumentedClass(className, Map.of(), 0, List.of(), List.of());
    }

    private static boolean isInstrumented(ClassNode owner) {
        if (owner.invisibleAnnotations == null) {
            return false;
        }
        for (AnnotationNode annotation : owner.invisibleAnnotations) {
            if (annotation.desc.equals(RuntimeNames.INSTRUMENTED_DESC)) {
                return true;
            }
        }
        return false;
    }

    private static void markInstrumented(ClassNode owner) {
        if (owner.invisibleAnnotations == null) {
            owner.invisibleAnnotations = new ArrayList<>();
        }
        owner.invisibleAnnotations.add(new AnnotationNode(RuntimeNames.INSTRUMENTED_DESC));
    }
}
