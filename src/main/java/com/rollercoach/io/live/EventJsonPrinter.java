package com.rollercoach.io.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rollercoach.core.detect.MotionEvent;
import com.rollercoach.core.detect.MotionListener;
import java.io.PrintStream;
import java.lang.reflect.RecordComponent;
import java.util.Locale;

/**
 * Prints every {@link MotionEvent} as one JSON object per line (JSON Lines), with its own times and
 * {@code emitted_at_s}, the session time at which the pipeline emitted it ({@link MotionEvent#atS()}),
 * so anyone can measure live latency from a replay. Field names are the record components in
 * snake_case; nested records (pass, dwell, hold, segment) become nested objects; {@code type} is the
 * event kind in snake_case ({@code pass_completed}, {@code pass_withdrawn}, ...).
 */
public final class EventJsonPrinter implements MotionListener {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final PrintStream out;

  public EventJsonPrinter(PrintStream out) {
    this.out = out;
  }

  @Override
  public void onEvent(MotionEvent event) {
    out.println(toJson(event));
  }

  /** One event as a JSON object (no line break). */
  public static String toJson(MotionEvent event) {
    ObjectNode node = JSON.createObjectNode();
    node.put("type", snake(event.getClass().getSimpleName()));
    node.put("emitted_at_s", event.atS());
    fill(node, (Record) event, true); // every MotionEvent kind is a record
    return node.toString();
  }

  private static void fill(ObjectNode node, Record r, boolean skipAt) {
    for (RecordComponent c : r.getClass().getRecordComponents()) {
      if (skipAt && c.getName().equals("atS")) continue;
      Object v;
      try {
        v = c.getAccessor().invoke(r);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
      String name = snake(c.getName());
      if (v instanceof Double d) {
        if (d.isNaN() || d.isInfinite()) node.putNull(name);
        else node.put(name, d);
      } else if (v instanceof Integer i) {
        node.put(name, i);
      } else if (v instanceof Boolean b) {
        node.put(name, b);
      } else if (v instanceof Record nested) {
        fill(node.putObject(name), nested, false);
      } else if (v == null) {
        node.putNull(name);
      } else {
        node.put(name, v.toString().toLowerCase(Locale.ROOT));
      }
    }
  }

  /** {@code PassCompleted} → {@code pass_completed}; {@code startS} → {@code start_s}. */
  static String snake(String camel) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < camel.length(); i++) {
      char ch = camel.charAt(i);
      if (Character.isUpperCase(ch)) {
        if (i > 0) sb.append('_');
        sb.append(Character.toLowerCase(ch));
      } else {
        sb.append(ch);
      }
    }
    return sb.toString();
  }
}
