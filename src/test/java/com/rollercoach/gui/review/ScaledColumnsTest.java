package com.rollercoach.gui.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;

/** The review's two tables scale their columns by one rule (they did it two ways). */
class ScaledColumnsTest {
  @Test
  void columnsGrowWithTheTypeAndAFlexingLastColumnKeepsNoMinimum() {
    TableView<String> table = new TableView<>();
    TableColumn<String, String> a = ScaledColumns.withBaseWidth(new TableColumn<>("Event"), 120);
    TableColumn<String, String> b = ScaledColumns.withBaseWidth(new TableColumn<>("Details"), 220);
    table.getColumns().add(a);
    table.getColumns().add(b);
    assertEquals(120, a.getMinWidth());
    assertEquals(128, a.getPrefWidth());
    ScaledColumns.scale(table, 26); // twice the 13 px the widths are for
    assertEquals(240, a.getMinWidth());
    assertEquals(248, a.getPrefWidth());
    assertEquals(440, b.getMinWidth());
    assertEquals(240 + 440 + 18, ScaledColumns.minWidth(table));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    ScaledColumns.scale(table, 13);
    assertEquals(120, a.getMinWidth());
    assertEquals(0, b.getMinWidth(), "the last column takes what is left");
    ScaledColumns.scale(table, 10); // smaller type never shrinks them below their widths
    assertEquals(120, a.getMinWidth());
  }
}
