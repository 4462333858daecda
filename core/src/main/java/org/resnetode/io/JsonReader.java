package org.resnetode.io;

import org.resnetode.checks.BadInputException;
import org.resnetode.checks.Printable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON parser for reading results back: objects become {@link LinkedHashMap}s, arrays
 * {@link List}s, numbers {@link Double} (or {@link Long} when integral without exponent), plus strings,
 * booleans and null. Malformed input gets an error naming the offset; arrays and objects nested deeper than
 * {@value #MAX_DEPTH} levels are refused, and so is a key given twice in one object (no file this project reads nests more than four, and the limit keeps a
 * hostile file from exhausting the stack).
 */
public final class JsonReader {
    /** The deepest nesting of arrays and objects accepted. */
    public static final int MAX_DEPTH = 64;

    private final String s;
    private int i;
    private int depth;

    private JsonReader(String s) {
        this.s = s;
    }

    public static Object parse(String json) {
        JsonReader r = new JsonReader(json);
        Object v = r.value();
        r.skipSpace();
        if (r.i != json.length()) {
            throw r.error("trailing characters");
        }
        return v;
    }

    private Object value() {
        skipSpace();
        if (i >= s.length()) {
            throw error("unexpected end of input");
        }
        char c = s.charAt(i);
        switch (c) {
            case '{':
                return nested(true);
            case '[':
                return nested(false);
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            default:
                return number();
        }
    }

    private Object nested(boolean object) {
        if (++depth > MAX_DEPTH) {
            throw error("arrays and objects nested deeper than " + MAX_DEPTH + " levels");
        }
        Object v = object ? object() : array();
        depth--;
        return v;
    }

    private Map<String, Object> object() {
        Map<String, Object> m = new LinkedHashMap<>();
        i++;
        skipSpace();
        if (peek() == '}') {
            i++;
            return m;
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw error("expected a key");
            }
            int at = i;
            String key = string();
            if (m.containsKey(key)) {
                // one of the two values would be silently ignored
                i = at;
                throw error("the key \"" + Printable.of(key, 40) + "\" appears twice in one object");
            }
            skipSpace();
            expect(':');
            m.put(key, value());
            skipSpace();
            if (peek() == ',') {
                i++;
            } else {
                expect('}');
                return m;
            }
        }
    }

    private List<Object> array() {
        List<Object> l = new ArrayList<>();
        i++;
        skipSpace();
        if (peek() == ']') {
            i++;
            return l;
        }
        while (true) {
            l.add(value());
            skipSpace();
            if (peek() == ',') {
                i++;
            } else {
                expect(']');
                return l;
            }
        }
    }

    private String string() {
        StringBuilder sb = new StringBuilder();
        i++;
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c == '"') {
                return sb.toString();
            }
            if (c == '\\') {
                if (i >= s.length()) {
                    break;
                }
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'u' -> {
                        if (i + 4 > s.length()) {
                            throw error("truncated \\u escape");
                        }
                        String hex = s.substring(i, i + 4);
                        if (!hex.matches("[0-9a-fA-F]{4}")) {
                            throw error("\\u escape '" + Printable.of(hex, 4) + "' is not 4 hexadecimal digits");
                        }
                        sb.append((char) Integer.parseInt(hex, 16));
                        i += 4;
                    }
                    default -> sb.append(e);
                }
            } else {
                sb.append(c);
            }
        }
        throw error("unterminated string");
    }

    private Object number() {
        int start = i;
        while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        String t = s.substring(start, i);
        if (t.isEmpty()) {
            throw error("unexpected character '" + Printable.of(String.valueOf(s.charAt(start)), 1) + "'");
        }
        try {
            if (t.matches("-?\\d+")) {
                return Long.parseLong(t);
            }
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw error("malformed number '" + Printable.of(t, 30) + "'");
        }
    }

    private Object literal(String word, Object value) {
        if (!s.startsWith(word, i)) {
            throw error("unexpected token");
        }
        i += word.length();
        return value;
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        i++;
    }

    private char peek() {
        return i < s.length() ? s.charAt(i) : '\0';
    }

    private void skipSpace() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
    }

    private BadInputException error(String why) {
        return new BadInputException("malformed JSON at offset " + i + ": " + why);
    }
}
