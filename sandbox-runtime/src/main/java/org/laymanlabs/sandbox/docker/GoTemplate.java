package org.laymanlabs.sandbox.docker;

import java.util.ArrayList;
import java.util.List;
import org.laymanlabs.sandbox.image.json.JsonValue;

/**
 * A parsed Go template, in the subset {@code --format} is used with: text, {@code {{.Field.Path}}},
 * function calls and pipes ({@code {{json .Config}}}, {@code {{join .RepoTags ", "}}}),
 * {@code if}/{@code else}/{@code range}/{@code end}, string and number literals, and {@code {{-}}
 * trim markers. Mirrors Go's text/template/parse; error messages keep its wording.
 */
final class GoTemplate {

    sealed interface Node permits Text, Action, If, Range {
    }

    record Text(String text) implements Node {
    }

    record Action(Pipeline pipeline) implements Node {
    }

    record If(Pipeline condition, List<Node> then, List<Node> otherwise) implements Node {
    }

    record Range(Pipeline pipeline, List<Node> body, List<Node> otherwise) implements Node {
    }

    /** Commands separated by {@code |}; each command's result is passed as the next one's last argument. */
    record Pipeline(List<List<Arg>> commands) {
    }

    sealed interface Arg permits Field, Literal, Function, Sub {
    }

    /** {@code .} (no names) or {@code .A.B}; {@code position} is its byte offset, for error messages. */
    record Field(List<String> names, int position) implements Arg {
    }

    record Literal(JsonValue value) implements Arg {
    }

    record Function(String name) implements Arg {
    }

    record Sub(Pipeline pipeline) implements Arg {
    }

    private final List<Node> nodes;

    private GoTemplate(List<Node> nodes) {
        this.nodes = nodes;
    }

    List<Node> nodes() {
        return nodes;
    }

    static GoTemplate parse(String source) throws TemplateException {
        List<Object> tokens = TemplateLexer.split(source);
        Parser parser = new Parser(tokens);
        List<Node> nodes = parser.list(false);
        return new GoTemplate(nodes);
    }

    /** Builds the tree from text pieces and actions, tracking the open if/range blocks. */
    private static final class Parser {
        private final List<Object> tokens;
        private int at;
        private String stoppedAt;
        private List<TemplateLexer.Word> elseIf;

        Parser(List<Object> tokens) {
            this.tokens = tokens;
        }

        List<Node> list(boolean inBlock) throws TemplateException {
            List<Node> nodes = new ArrayList<>();
            while (at < tokens.size()) {
                Object token = tokens.get(at++);
                if (token instanceof String text) {
                    nodes.add(new Text(text));
                    continue;
                }
                TemplateLexer.ActionText action = (TemplateLexer.ActionText) token;
                List<TemplateLexer.Word> words = TemplateLexer.words(action);
                String keyword = words.isEmpty() ? "" : words.get(0).text();
                if (keyword.equals("end") || keyword.equals("else")) {
                    if (!inBlock) {
                        throw new TemplateException("template: :1: unexpected {{" + keyword + "}}");
                    }
                    stoppedAt = keyword;
                    if (keyword.equals("else") && words.size() > 1 && words.get(1).text().equals("if")) {
                        stoppedAt = "else if";
                        elseIf = words.subList(1, words.size());
                    }
                    return nodes;
                }
                nodes.add(keyword.equals("if") || keyword.equals("range") ? block(keyword, words) : new Action(pipeline(words, 0)));
            }
            if (inBlock) {
                throw new TemplateException("template: :1: unexpected EOF");
            }
            return nodes;
        }

        private Node block(String keyword, List<TemplateLexer.Word> words) throws TemplateException {
            Pipeline pipeline = pipeline(words, 1);
            List<Node> body = list(true);
            List<Node> otherwise = List.of();
            if (stoppedAt.equals("else if")) {
                otherwise = List.of(block("if", elseIf));
            } else if (stoppedAt.equals("else")) {
                otherwise = list(true);
            }
            return keyword.equals("if") ? new If(pipeline, body, otherwise) : new Range(pipeline, body, otherwise);
        }

        private Pipeline pipeline(List<TemplateLexer.Word> words, int from) throws TemplateException {
            List<List<Arg>> commands = new ArrayList<>();
            List<Arg> command = new ArrayList<>();
            for (int i = from; i < words.size(); i++) {
                TemplateLexer.Word word = words.get(i);
                if (word.text().equals("|")) {
                    commands.add(command);
                    command = new ArrayList<>();
                } else {
                    command.add(arg(word));
                }
            }
            commands.add(command);
            for (List<Arg> c : commands) {
                if (c.isEmpty()) {
                    throw new TemplateException("template: :1: missing value for command");
                }
            }
            return new Pipeline(commands);
        }

        private Arg arg(TemplateLexer.Word word) throws TemplateException {
            String text = word.text();
            if (text.startsWith("(")) {
                return new Sub(pipeline(TemplateLexer.words(new TemplateLexer.ActionText(
                        text.substring(1, text.length() - 1), word.position() + 1)), 0));
            }
            if (text.startsWith(".")) {
                List<String> names = new ArrayList<>();
                for (String name : text.substring(1).split("\\.")) {
                    if (!name.isEmpty()) {
                        names.add(name);
                    }
                }
                return new Field(names, word.position());
            }
            if (text.startsWith("\"") || text.startsWith("`")) {
                return new Literal(JsonValue.of(TemplateLexer.unquote(text)));
            }
            if (text.matches("-?[0-9]+")) {
                return new Literal(JsonValue.of(Long.parseLong(text)));
            }
            if (text.equals("true") || text.equals("false")) {
                return new Literal(JsonValue.of(Boolean.parseBoolean(text)));
            }
            if (!TemplateExecution.knows(text)) {
                throw new TemplateException("template: :1: function \"" + text + "\" not defined");
            }
            return new Function(text);
        }
    }
}
