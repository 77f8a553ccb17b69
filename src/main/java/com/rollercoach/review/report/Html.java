package com.rollercoach.review.report;

/**
 * HTML text escaping. Every string that came from a user or a file (patient names, notes, device ids,
 * file names) goes through {@link #esc} before it reaches a report; the output is also well-formed XML,
 * so only the five XML entities are used.
 */
public final class Html {
  private Html() {}

  public static String esc(String s) {
    if (s == null) return "";
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          // Control characters are not allowed in XML 1.0 and mean nothing in a report.
          if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') out.append('?');
          else out.append(c);
        }
      }
    }
    return out.toString();
  }
}
