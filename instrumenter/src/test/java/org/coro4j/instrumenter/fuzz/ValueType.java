package org.coro4j.instrumenter.fuzz;

/** The types of generated values: every kind of JVM local, strings, arrays and nullable references. */
enum ValueType {
    INT("int", "Integer"),
    LONG("long", "Long"),
    DOUBLE("double", "Double"),
    FLOAT("float", "Float"),
    BOOLEAN("boolean", "Boolean"),
    STRING("String", "String"),
    INT_ARRAY("int[]", "int[]"),
    OBJECT("Object", "Object");

    private final String javaName;
    private final String boxedName;

    ValueType(String javaName, String boxedName) {
        this.javaName = javaName;
        this.boxedName = boxedName;
    }

    /** The name in a declaration. */
    String javaName() {
        return javaName;
    }

    /** The name as a type argument. */
    String boxedName() {
        return boxedName;
    }

    /** Whether {@code +=} and the arithmetic operators apply. */
    boolean isNumeric() {
        return this == INT || this == LONG || this == DOUBLE || this == FLOAT;
    }

    /** An expression that shows {@code value} of this type as deterministic text. */
    Code show(Code value) {
        if (this == INT_ARRAY) {
            return Code.of("java.util.Arrays.toString(", value, ")");
        }
        return Code.of("String.valueOf(", value, ")");
    }
}
