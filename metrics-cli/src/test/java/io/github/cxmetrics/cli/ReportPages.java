package io.github.cxmetrics.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the report tests share: the CLI's JSON output of a command, and the tables of a page. */
final class ReportPages {

    private static final JsonFactory JSON = new JsonFactory();

    private ReportPages() {
    }

    /** The JSON rows a command line prints with {@code --format json}, grouped by their "table" field. */
    static Map<String, List<Map<String, Object>>> cliJson(String... command) {
        String[] args = java.util.Arrays.copyOf(command, command.length + 2);
        args[command.length] = "--format";
        args[command.length + 1] = "json";
        StringWriter out = new StringWriter();
        int code = Cxm.run(new PrintWriter(out), new PrintWriter(new StringWriter()), args);
        if (code != 0) {
            throw new IllegalStateException("cxm " + String.join(" ", args) + " exited " + code);
        }
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        for (String line : out.toString().split("\n")) {
            if (!line.isBlank()) {
                Map<String, Object> row = object(line);
                tables.computeIfAbsent((String) row.remove("table"), k -> new ArrayList<>()).add(row);
            }
        }
        return tables;
    }

    /** A flat JSON object (string, number, boolean or null values), in field order. */
    static Map<String, Object> object(String json) {
        try (JsonParser p = JSON.createParser(json)) {
            Map<String, Object> row = new LinkedHashMap<>();
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a JSON object: " + json);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                row.put(name, scalar(p));
            }
            return row;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One JSON scalar, e.g. a cell's {@code data-value}. */
    static Object value(String json) {
        try (JsonParser p = JSON.createParser(json)) {
            p.nextToken();
            return scalar(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object scalar(JsonParser p) throws IOException {
        return switch (p.currentToken()) {
            case VALUE_NULL -> null;
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("not a scalar: " + p.currentToken());
        };
    }

    private static final Pattern TABLE = Pattern.compile(
            "<table id=\"table-(\\d+)-([^\"]+)\"[^>]*>(.*?)</table>", Pattern.DOTALL);
    private static final Pattern ROW = Pattern.compile("<tr data-row=\"\\d+\">(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern CELL = Pattern.compile(
            "<td data-key=\"([^\"]*)\" data-value=\"([^\"]*)\"[^>]*>(.*?)</td>", Pattern.DOTALL);

    /**
     * The tables of a rendered page (the DOM Chromium dumps): section number → table name → rows of
     * {key → value}, each value the cell's {@code data-value} parsed as JSON.
     */
    static Map<Integer, Map<String, List<Map<String, Object>>>> tables(String dom) {
        Map<Integer, Map<String, List<Map<String, Object>>>> sections = new LinkedHashMap<>();
        Matcher t = TABLE.matcher(dom);
        while (t.find()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            Matcher r = ROW.matcher(t.group(3));
            while (r.find()) {
                Map<String, Object> row = new LinkedHashMap<>();
                Matcher c = CELL.matcher(r.group(1));
                while (c.find()) {
                    row.put(unescape(c.group(1)), value(unescape(c.group(2))));
                }
                rows.add(row);
            }
            sections.computeIfAbsent(Integer.parseInt(t.group(1)), k -> new LinkedHashMap<>())
                    .put(unescape(t.group(2)), rows);
        }
        return sections;
    }

    static String unescape(String attribute) {
        return attribute.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&nbsp;", "\u00a0")
                .replace("&amp;", "&");
    }

    /** The demo's report sections with their sample files in {@code dir}. */
    static List<String[]> demoSections(Path dir) {
        List<String[]> sections = new ArrayList<>();
        for (String[] command : DemoCommand.reportCommands()) {
            String[] args = command.clone();
            args[1] = dir.resolve(args[1]).toString();
            sections.add(args);
        }
        return sections;
    }
}
