package org.laymanlabs.sandbox.container.program;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mirrors the compound commands of BusyBox ash's parser (shell/ash.c, parse_command): {@code if …
 * then … elif … else … fi}, {@code while}/{@code until … do … done} and {@code for NAME in … do …
 * done}, with {@code break} and {@code continue}, compiled into flat {@link Instruction}s. The
 * whole script is parsed before any of it runs, and a syntax error is reported in ash's words
 * ("syntax error: unexpected "fi"", "unexpected end of file (expecting "done")") with status 2.
 * Reserved words count only where a command starts, which {@link ScriptStep} cuts out.
 */
final class CompoundCommands {

    private static final Pattern FOR = Pattern.compile("for\\s+(\\S+)(?:\\s+in(?:\\s+(.*))?)?", Pattern.DOTALL);
    private static final Set<String> RESERVED = Set.of("if", "then", "elif", "else", "fi", "while", "until", "do",
            "done", "for", "break", "continue");
    private static final Set<String> CLOSING = Set.of("then", "elif", "else", "fi", "do", "done");

    private final List<ScriptStep> steps;
    private final List<Instruction> program = new ArrayList<>();
    private final Deque<Loop> loops = new ArrayDeque<>();
    private int pos;
    private int loopCount;
    /** How many compound commands' bodies enclose the one being compiled. */
    private int depth;
    private static final int MAX_DEPTH = 200;

    private CompoundCommands(List<ScriptStep> steps) {
        this.steps = new ArrayList<>(steps);
    }

    static List<Instruction> compile(String script) throws ShSyntaxError {
        CompoundCommands compiler = new CompoundCommands(ScriptStep.split(script));
        compiler.list(Set.of());
        return List.copyOf(compiler.program);
    }

    /** A loop being compiled: where {@code continue} goes, and the {@code break}s to point at its end. */
    private record Loop(int id, int continueAt, List<Integer> breaks) { }

    /** Commands up to the end or to a reserved word that closes something, as ash's list() stops. */
    private void list(Set<String> terminators) throws ShSyntaxError {
        while (pos < steps.size()) {
            String keyword = keyword(steps.get(pos));
            if (keyword != null && CLOSING.contains(keyword)) {
                if (terminators.isEmpty()) {
                    throw new ShSyntaxError(quoted(keyword), null, steps.get(pos).line());
                }
                return;
            }
            command();
        }
    }

    /** A list that must hold at least one command before {@code terminator}, as ash requires. */
    private void body(Set<String> terminators, String expected) throws ShSyntaxError {
        if (++depth > MAX_DEPTH) {
            // ash recurses without a limit until its C stack overflows; the sandbox refuses first.
            throw new ShSyntaxError(null, null, steps.get(Math.min(pos, steps.size() - 1)).line(),
                    "compound commands nested more than " + MAX_DEPTH + " deep");
        }
        int before = program.size();
        list(terminators);
        depth--;
        if (pos >= steps.size()) {
            throw new ShSyntaxError("end of file", expected, steps.isEmpty() ? 1 : steps.get(steps.size() - 1).line());
        }
        String found = keyword(steps.get(pos));
        if (program.size() == before) {
            throw new ShSyntaxError(quoted(found), null, steps.get(pos).line());
        }
        if (!terminators.contains(found)) {
            throw new ShSyntaxError(quoted(found), expected, steps.get(pos).line());
        }
    }

    private void command() throws ShSyntaxError {
        ScriptStep step = steps.get(pos);
        String keyword = keyword(step);
        if (keyword == null) {
            boolean negated = step.text().startsWith("! ");
            ScriptStep run = negated ? new ScriptStep(step.join(), step.text().substring(2).strip(), step.line()) : step;
            program.add(new Instruction.Run(run, negated));
            pos++;
            return;
        }
        // A compound after && or || is skipped whole when its join does not hold.
        int guard = -1;
        if (step.join() != ScriptStep.Join.ALWAYS && !keyword.equals("break") && !keyword.equals("continue")) {
            guard = emit(new Instruction.Jump(step.join() == ScriptStep.Join.ON_SUCCESS
                    ? Instruction.When.ON_FAILURE : Instruction.When.ON_SUCCESS, -1));
        }
        switch (keyword) {
            case "if" -> ifClause();
            case "while", "until" -> whileLoop(keyword.equals("while"));
            case "for" -> forLoop();
            case "break", "continue" -> jumpOutOf(keyword, step);
            default -> throw new ShSyntaxError(quoted(keyword), null, step.line());
        }
        if (guard >= 0) {
            patch(guard, program.size());
        }
    }

    private void ifClause() throws ShSyntaxError {
        consume("if");
        List<Integer> toEnd = new ArrayList<>();
        boolean more = true;
        while (more) {
            body(Set.of("then"), quoted("then"));
            consume("then");
            int skip = emit(new Instruction.Jump(Instruction.When.ON_FAILURE, -1));
            body(Set.of("elif", "else", "fi"), quoted("fi"));
            toEnd.add(emit(new Instruction.Jump(Instruction.When.ALWAYS, -1)));
            patch(skip, program.size());
            more = "elif".equals(keyword(steps.get(pos)));
            if (more) {
                consume("elif");
            }
        }
        if ("else".equals(keyword(steps.get(pos)))) {
            consume("else");
            body(Set.of("fi"), quoted("fi"));
        } else {
            emit(new Instruction.Status(0));
        }
        consume("fi");
        toEnd.forEach(jump -> patch(jump, program.size()));
    }

    private void whileLoop(boolean whileTrue) throws ShSyntaxError {
        consume(whileTrue ? "while" : "until");
        Loop loop = new Loop(loopCount++, program.size(), new ArrayList<>());
        body(Set.of("do"), quoted("do"));
        int exit = emit(new Instruction.Jump(whileTrue ? Instruction.When.ON_FAILURE : Instruction.When.ON_SUCCESS, -1));
        loopBody(loop);
        patch(exit, program.size());
        end(loop);
    }

    private void forLoop() throws ShSyntaxError {
        ScriptStep step = steps.get(pos);
        Matcher header = FOR.matcher(step.text());
        if (!header.matches() || !header.group(1).matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new ShSyntaxError(null, null, step.line(), "bad for loop variable");
        }
        pos++;
        int id = loopCount++;
        emit(new Instruction.ForStart(id, header.group(2) == null ? "" : header.group(2)));
        int next = emit(new Instruction.ForNext(id, header.group(1), -1));
        if (pos >= steps.size()) {
            throw new ShSyntaxError("end of file", quoted("do"), step.line());
        }
        Loop loop = new Loop(id, next, new ArrayList<>());
        loopBody(loop);
        program.set(next, new Instruction.ForNext(id, header.group(1), program.size()));
        end(loop);
    }

    private void loopBody(Loop loop) throws ShSyntaxError {
        if (pos >= steps.size() || !"do".equals(keyword(steps.get(pos)))) {
            throw pos >= steps.size() ? new ShSyntaxError("end of file", quoted("do"), steps.get(steps.size() - 1).line())
                    : new ShSyntaxError(quoted(keyword(steps.get(pos))), quoted("do"), steps.get(pos).line());
        }
        consume("do");
        loops.push(loop);
        body(Set.of("done"), quoted("done"));
        consume("done");
        loops.pop();
        emit(new Instruction.Remember(loop.id()));
        emit(new Instruction.Jump(Instruction.When.ALWAYS, loop.continueAt()));
    }

    /** The loop's status as it ends; its breaks land here too. */
    private void end(Loop loop) {
        int recall = emit(new Instruction.Recall(loop.id()));
        loop.breaks().forEach(jump -> patch(jump, recall));
    }

    /** {@code break} and {@code continue} in a loop jump (when their join holds); outside one they do nothing, as in ash. */
    private void jumpOutOf(String keyword, ScriptStep step) {
        pos++;
        if (loops.isEmpty()) {
            emit(new Instruction.Status(0));
            return;
        }
        Instruction.When when = switch (step.join()) {
            case ALWAYS -> Instruction.When.ALWAYS;
            case ON_SUCCESS -> Instruction.When.ON_SUCCESS;
            case ON_FAILURE -> Instruction.When.ON_FAILURE;
        };
        Loop loop = loops.peek();
        int jump = emit(new Instruction.Jump(when, keyword.equals("continue") ? loop.continueAt() : -1));
        if (keyword.equals("break")) {
            loop.breaks().add(jump);
        }
    }

    /** Takes the reserved word off the current step; what follows it on the step is the next command. */
    private void consume(String keyword) {
        ScriptStep step = steps.get(pos);
        String rest = step.text().substring(keyword.length()).strip();
        if (rest.isEmpty()) {
            pos++;
        } else {
            steps.set(pos, new ScriptStep(ScriptStep.Join.ALWAYS, rest, step.line()));
        }
    }

    private int emit(Instruction instruction) {
        program.add(instruction);
        return program.size() - 1;
    }

    private void patch(int at, int target) {
        Instruction.Jump jump = (Instruction.Jump) program.get(at);
        program.set(at, new Instruction.Jump(jump.when(), target));
    }

    /** The reserved word the step starts with, if any: only an unquoted word by itself counts. */
    static String keyword(ScriptStep step) {
        String text = step.text();
        int end = 0;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        String first = text.substring(0, end);
        return RESERVED.contains(first) ? first : null;
    }

    private static String quoted(String token) {
        return "\"" + token + "\"";
    }
}
