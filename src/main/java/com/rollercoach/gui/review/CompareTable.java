package com.rollercoach.gui.review;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/** The comparison of two sessions as a grid: label, A, B (the rows of {@code CompareReport}). */
final class CompareTable {
  private CompareTable() {}

  static GridPane of(List<String[]> rows) {
    GridPane g = new GridPane();
    g.setId("compareTable");
    g.setMinWidth(0);
    g.setHgap(14);
    g.setVgap(2);
    g.setStyle("-fx-background-color: #f8f9fa; -fx-padding: 6 8 6 8;");
    ColumnConstraints key = new ColumnConstraints();
    key.setMinWidth(140);
    key.setPercentWidth(20);
    ColumnConstraints val = new ColumnConstraints();
    val.setHgrow(Priority.ALWAYS);
    val.setPercentWidth(40);
    g.getColumnConstraints().addAll(key, val, val);
    Label a = new Label("A");
    Label b = new Label("B");
    a.setStyle("-fx-font-weight: bold;");
    b.setStyle("-fx-font-weight: bold;");
    g.addRow(0, new Label(""), a, b);
    int r = 1;
    for (String[] row : rows) {
      if (row[0].equals("Prescribed") && row[1].equals(row[2])) continue; // one line less when equal
      Label k = new Label(row[0]);
      k.setStyle("-fx-text-fill: #52606d;");
      Label x = new Label(row[1]);
      Label y = new Label(row[2]);
      x.setWrapText(true);
      y.setWrapText(true);
      g.addRow(r++, k, x, y);
    }
    return g;
  }
}
