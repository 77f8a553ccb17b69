package com.rollercoach.review.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The review pages as PDF through openhtmltopdf (PDFBox): the same XHTML the browser shows, laid out
 * with the page's {@code @media print} rules, inline SVG charts drawn by Batik as vector paths (they
 * stay sharp when zoomed and the text in them stays text). The pages are already well-formed XML for
 * exactly this reason.
 */
public final class PdfReport {
  /**
   * A Unicode font for "→", "–", "✓", "±": the PDF base fonts only cover Latin-1. DejaVu Sans is on
   * every Debian/Ubuntu desktop (fonts-dejavu-core); without it the PDF still renders, with those
   * glyphs replaced.
   */
  static final List<String> FONT_DIRS = List.of("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu",
      "/Library/Fonts", "C:\\Windows\\Fonts");

  private PdfReport() {}

  public static void write(String xhtml, Path out) throws IOException {
    // all or nothing, where a link points, through to a device or pipe: the rename of a temporary
    // file beside `out` replaced a link (or, for root, /dev/full) with the PDF
    com.rollercoach.io.AtomicOutput.write(out, true, temp -> {
      try (OutputStream os = Files.newOutputStream(temp)) {
        render(xhtml, os);
      } catch (RuntimeException e) {
        throw new IOException(out + ": cannot write the PDF: " + e.getMessage(), e);
      }
    });
  }

  public static byte[] bytes(String xhtml) throws IOException {
    ByteArrayOutputStream os = new ByteArrayOutputStream();
    render(xhtml, os);
    return os.toByteArray();
  }

  /**
   * PDFBox warns on stderr when it substitutes a base-14 font it never embeds anyway; a terminal user
   * reads that as an error. Kept as a field so the logger is not collected and reconfigured.
   */
  private static final java.util.logging.Logger PDFBOX_LOG = quiet("org.apache.pdfbox");
  private static final java.util.logging.Logger OPENHTML_LOG = quiet("com.openhtmltopdf");

  private static java.util.logging.Logger quiet(String name) {
    java.util.logging.Logger l = java.util.logging.Logger.getLogger(name);
    l.setLevel(java.util.logging.Level.SEVERE);
    return l;
  }

  private static void render(String xhtml, OutputStream os) throws IOException {
    // openhtmltopdf logs CSS it skips (print-only properties meant for browsers) and timings to
    // stderr through its own logger; none of it is for the user.
    com.openhtmltopdf.util.XRLog.setLoggingEnabled(false);
    PdfRendererBuilder b = new PdfRendererBuilder();
    b.useFastMode();
    b.useSVGDrawer(new BatikSVGDrawer());
    for (String dir : FONT_DIRS) {
      File regular = new File(dir, "DejaVuSans.ttf");
      File bold = new File(dir, "DejaVuSans-Bold.ttf");
      if (regular.isFile()) {
        b.useFont(regular, "DejaVu Sans");
        if (bold.isFile()) {
          b.useFont(bold, "DejaVu Sans", 700, com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle.NORMAL, true);
        }
        break;
      }
    }
    b.withHtmlContent(xhtml, null);
    b.toStream(os);
    b.run();
  }
}
