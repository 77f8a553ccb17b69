package com.rollercoach.core.protocol.text;

import com.rollercoach.core.protocol.DecoderListener;
import com.rollercoach.core.protocol.StreamDecoder;
import com.rollercoach.core.protocol.TextFormat;
import java.util.List;

/**
 * Offers {@link AsciiLineDecoder} to {@link com.rollercoach.core.protocol.AutoDetectingDecoder}.
 * Scores: Serial Plotter lines naming the six axes 0.9 (the labels say what they are); plain
 * number lines 0.6, above the minimal {@code CsvLineFormat}'s 0.5 cap because this decoder also
 * handles resets, units and refusals; with a user-stated layout, any number lines 0.8.
 */
public final class AsciiLinesFormat implements TextFormat {
  private final LineLayout layout;

  public AsciiLinesFormat(LineLayout layout) {
    this.layout = layout;
  }

  @Override
  public String name() {
    return AsciiLineDecoder.FORMAT_NAME;
  }

  @Override
  public double match(List<String> lines) {
    int data = 0;
    int labelled = 0;
    int numbers = 0;
    int width = layout.hasColumns() ? layout.columns().size() : -1;
    boolean stated = layout.hasColumns();
    for (String line : lines) {
      ParsedLine p = LineParser.parse(line);
      if (p instanceof ParsedLine.Header h && h.key().equals("columns")) {
        try {
          width = LineLayout.parseColumns(h.value()).size(); // a recorded or typed preamble
          stated = true;
        } catch (IllegalArgumentException e) {
          // the decoder reports it; here it just does not count
        }
        continue;
      }
      if (p instanceof ParsedLine.Labelled l) {
        data++;
        if (namesAllAxes(l.labels())) labelled++;
      } else if (p instanceof ParsedLine.Numbers n) {
        data++;
        if (width > 0 ? n.values().length == width
            : n.values().length == 6 || n.values().length == 7) {
          numbers++;
        }
      } else if (p instanceof ParsedLine.Triple) {
        data++;
        labelled++;
      } else if (p instanceof ParsedLine.Broken) {
        data++;
      }
    }
    if (data == 0) return 0;
    // The first line may be a fragment of a line cut when the port opened.
    if (labelled >= data - 1 && labelled > 0) return 0.9;
    if (numbers >= data - 1 && numbers > 0) return stated ? 0.8 : 0.6;
    return 0;
  }

  private static boolean namesAllAxes(List<String> labels) {
    int axes = 0;
    for (String label : labels) {
      var m = LabelNames.meaning(label);
      if (m.isPresent() && (m.get().column().isAccel() || m.get().column().isGyro())) axes++;
    }
    return axes >= 6;
  }

  @Override
  public StreamDecoder newDecoder(DecoderListener listener) {
    return new AsciiLineDecoder(layout, listener);
  }
}
