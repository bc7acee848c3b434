package org.laymanlabs.backend.grading;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A compiled CEL expression over Kubernetes objects, in the environment Kubernetes'
 * ValidatingAdmissionPolicy gives its validations (k8s.io/apiserver/pkg/admission/plugin/policy/validating):
 * {@code object} is the object as its JSON map, {@code objects} the list of them. It is compiled
 * once, when the lab loads, so that grading only evaluates.
 */
public final class ObjectExpression {

    /** Where CEL found a problem inside the expression: 1-based line, 0-based column, as cel-java counts. */
    public record Issue(int line, int column, String message) {
    }

    /** The expression did not compile; the issues say where and why. */
    public static final class Invalid extends Exception {
        private final transient List<Issue> issues;

        Invalid(List<Issue> issues) {
            super(issues.isEmpty() ? "invalid expression" : issues.get(0).message());
            this.issues = List.copyOf(issues);
        }

        public List<Issue> issues() {
            return issues;
        }
    }

    private static final CelCompiler PREDICATES = compiler(SimpleType.BOOL);
    private static final CelCompiler VALUES = compiler(SimpleType.DYN);
    private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();

    private final String source;
    private final CelRuntime.Program program;

    private ObjectExpression(String source, CelRuntime.Program program) {
        this.source = source;
        this.program = program;
    }

    private static CelCompiler compiler(dev.cel.common.types.CelType result) {
        return CelCompilerFactory.standardCelCompilerBuilder()
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addVar("object", SimpleType.DYN)
                .addVar("objects", ListType.create(SimpleType.DYN))
                .setResultType(result)
                .build();
    }

    /** An expression that must come out true or false, like a validation's {@code expression}. */
    public static ObjectExpression predicate(String source) throws Invalid {
        return compile(PREDICATES, source);
    }

    /** An expression of any type, whose value is shown to the learner, like a validation's {@code messageExpression}. */
    public static ObjectExpression value(String source) throws Invalid {
        return compile(VALUES, source);
    }

    private static ObjectExpression compile(CelCompiler compiler, String source) throws Invalid {
        try {
            CelAbstractSyntaxTree ast = compiler.compile(source).getAst();
            return new ObjectExpression(source, RUNTIME.createProgram(ast));
        } catch (CelValidationException e) {
            List<Issue> issues = new ArrayList<>();
            for (CelIssue issue : e.getErrors()) {
                issues.add(new Issue(Math.max(1, issue.getSourceLocation().getLine()),
                        Math.max(0, issue.getSourceLocation().getColumn()), issue.getMessage()));
            }
            throw new Invalid(issues);
        } catch (dev.cel.common.CelException e) {
            throw new Invalid(List.of(new Issue(1, 0, e.getMessage())));
        }
    }

    public String source() {
        return source;
    }

    /**
     * @param object  the object as JSON, or null when the check names none
     * @param objects all objects of the check's resource
     * @throws CelEvaluationException when the expression reads a field the object lacks, say
     */
    public Object evaluate(JsonNode object, List<JsonNode> objects) throws CelEvaluationException {
        Map<String, Object> bindings = new LinkedHashMap<>();
        bindings.put("object", object == null ? dev.cel.common.values.NullValue.NULL_VALUE : toCel(object));
        bindings.put("objects", objects.stream().map(ObjectExpression::toCel).toList());
        return program.eval(bindings);
    }

    /** JSON as CEL's values: maps, lists, int64, double, string, bool; a null field is left out, as Kubernetes omits it. */
    static Object toCel(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!field.getValue().isNull()) {
                    map.put(field.getKey(), toCel(field.getValue()));
                }
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(item -> list.add(toCel(item)));
            return list;
        }
        if (node.isIntegralNumber()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.isNull() ? dev.cel.common.values.NullValue.NULL_VALUE : node.asText();
    }
}
