package com.rollercoach.review.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The review pages' shared frame. */
class PageTest {
  /**
   * A numeric column's header sits over its numbers: both right-aligned. The cells were right-aligned
   * and their headers left, so in the report's tender-spot table "Position" stood over nothing and "7 cm"
   * under "Held".
   */
  @Test
  void numericHeadersAreAlignedWithTheirNumbers() {
    String html = new Page("t").table(new String[] {"Spot", "Position"}, new boolean[] {false, true})
        .row("", new boolean[] {false, true}, "T1", "7 cm").endTable().finish("");
    assertTrue(html.contains("<th class=\"num\">Position</th>"), html);
    assertTrue(html.contains("<td class=\"num\">7 cm</td>"), html);
    assertTrue(Pattern.compile("(^|[},\\s])th\\.num[^{]*\\{[^}]*text-align:right").matcher(Page.CSS).find(),
        "no right-aligning rule for th.num in " + Page.CSS);
  }
}
