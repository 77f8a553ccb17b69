package com.rollercoach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session with many data gaps: the PDF report listed each as an event row and ran to three pages; the
 * gaps are now one line under data quality and the report keeps to two pages.
 */
class ReportGapsCompactTest {
  @TempDir Path dir;

  @Test
  void manyGapsAreOneLineAndTheReportKeepsToTwoPages() throws Exception {
    // the Bluetooth sample with 20 more gaps of 1.5 s cut into it
    List<String> lines = Files.readAllLines(Path.of("samples/tender-spots-bluetooth.csv"));
    List<String> header = new ArrayList<>();
    List<String> rows = new ArrayList<>();
    for (String l : lines) (Character.isDigit(l.isEmpty() ? 'x' : l.charAt(0)) ? rows : header).add(l);
    Set<Integer> drop = new HashSet<>();
    for (int k = 1; k <= 20; k++) for (int i = 0; i < 40; i++) drop.add(rows.size() * k / 22 + i);
    List<String> kept = new ArrayList<>(header);
    for (int i = 0; i < rows.size(); i++) if (!drop.contains(i)) kept.add(rows.get(i));
    Path csv = Files.write(dir.resolve("gappy.csv"), kept);

    Path pdf = dir.resolve("r.pdf");
    CliRun r = CliRun.of("report", csv.toString(), "--pdf", "--out", pdf.toString(), "--data-dir", dir.resolve("d").toString());
    assertEquals(0, r.code(), r.err());
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      assertTrue(doc.getNumberOfPages() <= 2, doc.getNumberOfPages() + " pages");
      String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
      assertFalse(text.contains("Data gap"), "no event row per gap");
      assertTrue(text.matches(".*Gaps 2[0-9], [0-9.]+ s in total, longest [0-9.]+ s; the 6 longest at .*; 2?[0-9] shorter.*"),
          text);
    }
  }
}
