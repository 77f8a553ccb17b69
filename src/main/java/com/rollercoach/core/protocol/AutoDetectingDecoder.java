package com.rollercoach.core.protocol;

import com.rollercoach.core.protocol.text.AsciiLinesFormat;
import com.rollercoach.core.protocol.text.LineLayout;
import com.rollercoach.core.protocol.ximu3.XImu3Format;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decodes a stream whose format is not known in advance: our binary protocol or one of the given
 * text formats. The first bytes are held back and examined:
 *
 * <ul>
 *   <li>two CRC-valid binary frames ⇒ {@link BinaryStreamDecoder} (a random text byte stream passes a
 *       sync pair and a CRC-16 together with probability about 2⁻³², so text is never mistaken for
 *       binary);
 *   <li>otherwise, at least {@value #MIN_TEXT_LINES} complete lines of mostly printable text ⇒ the
 *       text format whose {@link TextFormat#match} scores highest (above 0);
 *   <li>after {@value #SNIFF_LIMIT} bytes with neither: binary if one frame was seen, else the best
 *       matching text format, else binary (which counts the bytes as resyncs and keeps searching).
 * </ul>
 *
 * Then the chosen decoder is fed everything held back, chunk by chunk with the original host times,
 * so nothing is lost to detection. The choice is final for the life of this decoder (a reconnect
 * makes a new one).
 */
public final class AutoDetectingDecoder implements StreamDecoder {
  /** Bytes examined before the decision is forced: 4 KiB is 0.36 s at 115200 baud. */
  public static final int SNIFF_LIMIT = 4096;

  /** Complete text lines needed before a text format is chosen. */
  public static final int MIN_TEXT_LINES = 3;

  /** Text streams are at least this fraction printable ASCII (plus CR, LF, TAB). */
  private static final double MIN_PRINTABLE = 0.95;

  private final DecoderListener listener;
  private final List<TextFormat> textFormats;
  private final FrameDecoder probe = new FrameDecoder((seq, frame) -> {});

  private byte[] held = new byte[256];
  private int heldLen;
  private final List<double[]> chunks = new ArrayList<>(); // {end offset, host time}
  private int printable;

  private StreamDecoder chosen;

  /**
   * @param textFormats candidates in order of preference (ties go to the earlier one)
   */
  public AutoDetectingDecoder(DecoderListener listener, List<TextFormat> textFormats) {
    this.listener = listener;
    this.textFormats = List.copyOf(textFormats);
  }

  /**
   * Binary, x-IMU3 (ASCII or binary), Arduino text lines with layout detection ({@link
   * AsciiLinesFormat}), or plain CSV lines ({@link CsvLineFormat}).
   */
  public static AutoDetectingDecoder withBuiltInFormats(DecoderListener listener) {
    return new AutoDetectingDecoder(
        listener,
        List.of(new XImu3Format(), new AsciiLinesFormat(LineLayout.auto()), new CsvLineFormat()));
  }

  @Override
  public void feed(byte[] buf, int off, int len, double hostTimeS) {
    if (chosen != null) {
      chosen.feed(buf, off, len, hostTimeS);
      return;
    }
    hold(buf, off, len, hostTimeS);
    probe.feed(buf, off, len);
    StreamDecoder decision = decide();
    if (decision != null) {
      chosen = decision;
      replayHeld();
    }
  }

  private void hold(byte[] buf, int off, int len, double hostTimeS) {
    if (heldLen + len > held.length) {
      byte[] bigger = new byte[Math.max(held.length * 2, heldLen + len)];
      System.arraycopy(held, 0, bigger, 0, heldLen);
      held = bigger;
    }
    System.arraycopy(buf, off, held, heldLen, len);
    for (int i = off; i < off + len; i++) {
      int c = buf[i] & 0xFF;
      if ((c >= 0x20 && c < 0x7F) || c == '\n' || c == '\r' || c == '\t') printable++;
    }
    heldLen += len;
    chunks.add(new double[] {heldLen, hostTimeS});
  }

  private StreamDecoder decide() {
    if (probe.frames() >= 2) return binary();
    boolean forced = heldLen >= SNIFF_LIMIT;
    if (printable >= MIN_PRINTABLE * heldLen || forced) {
      List<String> lines = completeLines();
      if (lines.size() >= MIN_TEXT_LINES || forced) {
        Optional<TextFormat> text = probe.frames() == 0 ? bestText(lines) : Optional.empty();
        if (text.isPresent()) return text.get().newDecoder(listener);
      }
    }
    return forced ? binary() : null;
  }

  private BinaryStreamDecoder binary() {
    return new BinaryStreamDecoder(listener);
  }

  private Optional<TextFormat> bestText(List<String> lines) {
    TextFormat best = null;
    double bestScore = 0;
    for (TextFormat f : textFormats) {
      double score = f.match(lines);
      if (score > bestScore) {
        best = f;
        bestScore = score;
      }
    }
    return Optional.ofNullable(best);
  }

  /** The complete, non-blank lines held so far, without terminators (CR, LF or CRLF). */
  private List<String> completeLines() {
    List<String> lines = new ArrayList<>();
    int lineStart = 0;
    for (int i = 0; i < heldLen; i++) {
      byte c = held[i];
      if (c == '\n' || c == '\r') {
        if (i > lineStart) {
          String line = new String(held, lineStart, i - lineStart, StandardCharsets.ISO_8859_1);
          if (!line.isBlank()) lines.add(line);
        }
        lineStart = i + 1;
      }
    }
    return lines;
  }

  private void replayHeld() {
    int from = 0;
    for (double[] chunk : chunks) {
      int to = (int) chunk[0];
      chosen.feed(held, from, to - from, chunk[1]);
      from = to;
    }
    held = null;
    chunks.clear();
  }

  /** Decides with what was held (as if the sniff limit were reached), then finishes the choice. */
  @Override
  public void finish() {
    if (chosen == null && heldLen > 0) {
      List<String> lines = completeLines();
      Optional<TextFormat> text = probe.frames() == 0 ? bestText(lines) : Optional.empty();
      chosen = text.isPresent() ? text.get().newDecoder(listener) : binary();
      replayHeld();
    }
    if (chosen != null) chosen.finish();
  }

  @Override
  public DecoderStats stats() {
    return chosen != null ? chosen.stats() : new DecoderStats(0, 0, 0, 0, heldLen);
  }

  /** The chosen decoder's format name, or {@code "auto"} while still sniffing. */
  @Override
  public String formatName() {
    return chosen != null ? chosen.formatName() : "auto";
  }

  /** The decoder the stream was handed to, once chosen. */
  public Optional<StreamDecoder> chosen() {
    return Optional.ofNullable(chosen);
  }
}
