package com.rollercoach.gui.review;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;

/**
 * Table columns sized for 13 px type and scaled with the type their pane gets: the app's stylesheet
 * sets 16 px (22 in large text), where fixed widths cut "Checks", the dates, "Duration" and "Position".
 * The one rule for the review's tables (the session list, a session's events), which scaled their
 * columns in two different ways.
 */
final class ScaledColumns {
  /** The type size the base widths are for. */
  static final double BASE_FONT_PX = 13;
  /** Room beside the text for the cell's padding and the sort arrow. */
  static final double PAD_PX = 8;
  private static final String BASE_WIDTH = "roller-coach.baseWidth";

  private ScaledColumns() {}

  /** {@code c}, never narrower than {@code width} at 13 px type (its width then, with padding). */
  static <C extends TableColumn<?, ?>> C withBaseWidth(C c, double width) {
    c.getProperties().put(BASE_WIDTH, width);
    c.setMinWidth(width);
    c.setPrefWidth(width + PAD_PX);
    return c;
  }

  /**
   * Scales {@code table}'s columns with {@code font} from now on; {@code then} runs after each
   * scaling (the session list keeps its split pane from squeezing it). A last column that takes the
   * width that is left ({@link TableView#CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN}) keeps no minimum.
   */
  static void follow(TableView<?> table, ObservableValue<Font> font, Runnable then) {
    font.addListener((o, was, f) -> {
      scale(table, f.getSize());
      then.run();
    });
  }

  static void scale(TableView<?> table, double fontPx) {
    double k = Math.max(1, fontPx / BASE_FONT_PX);
    var columns = table.getColumns();
    boolean flexLast = table.getColumnResizePolicy() == TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN;
    for (TableColumn<?, ?> c : columns) {
      Object base = c.getProperties().get(BASE_WIDTH);
      if (!(base instanceof Double w)) continue;
      c.setPrefWidth(w * k + PAD_PX);
      boolean flexes = flexLast && c == columns.get(columns.size() - 1);
      c.setMinWidth(flexes ? 0 : w * k);
    }
  }

  /** The sum of the columns' minimum widths, and a scroll bar's room. */
  static double minWidth(TableView<?> table) {
    // a flexing last column keeps no minimum of its own, but the table's must hold it: the session
    // list's "Checks" was squeezed to nothing in the window at 1280 px
    return table.getColumns().stream()
        .mapToDouble(c -> c.getMinWidth() > 0 || !(c.getProperties().get(BASE_WIDTH) instanceof Double)
            ? c.getMinWidth() : c.getPrefWidth() - PAD_PX)
        .sum() + 18;
  }
}
