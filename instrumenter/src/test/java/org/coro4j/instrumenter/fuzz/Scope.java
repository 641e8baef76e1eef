package org.coro4j.instrumenter.fuzz;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** The local variables visible at the point being generated, block by block. */
final class Scope {
    private final Deque<List<Variable>> blocks = new ArrayDeque<>();

    Scope() {
        blocks.push(new ArrayList<>());
    }

    /** Opens a block. */
    void push() {
        blocks.push(new ArrayList<>());
    }

    /** Closes the innermost block, forgetting its variables. */
    void pop() {
        blocks.pop();
    }

    /** Declares a variable in the innermost block. */
    Variable declare(String name, ValueType type, boolean assignable) {
        Variable variable = new Variable(name, type, assignable);
        blocks.peek().add(variable);
        return variable;
    }

    /** Visible variables of {@code type}; only assignable ones if {@code assignable}. */
    List<Variable> visible(ValueType type, boolean assignable) {
        List<Variable> result = new ArrayList<>();
        for (List<Variable> block : blocks) {
            for (Variable variable : block) {
                if (variable.type() == type && (variable.assignable() || !assignable)) {
                    result.add(variable);
                }
            }
        }
        return result;
    }

    /** Every visible assignable variable. */
    List<Variable> assignable() {
        List<Variable> result = new ArrayList<>();
        for (List<Variable> block : blocks) {
            for (Variable variable : block) {
                if (variable.assignable()) {
                    result.add(variable);
                }
            }
        }
        return result;
    }
}
