package com.rollercoach.gui;

import com.rollercoach.core.coach.Prescription;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;

/**
 * The prescription of one patient as a small form: rolls, seconds per pass, tender-spot time, hold and
 * sessions a week, the fields {@code patients prescribe} takes. It only reads and checks the numbers
 * (the {@link Prescription} record refuses impossible ones with a one-line reason); where it is saved
 * is the start screen's business.
 */
final class PrescriptionEditor extends GridPane {
  private final TextField rollsMin = field("rxRollsMin");
  private final TextField rollsMax = field("rxRollsMax");
  private final TextField passMin = field("rxPassMin");
  private final TextField passMax = field("rxPassMax");
  private final TextField tenderMin = field("rxTenderMin");
  private final TextField tenderMax = field("rxTenderMax");
  private final TextField hold = field("rxHold");
  private final TextField perWeek = field("rxPerWeek");
  private final Button save = new Button("Save prescription");
  private final Button defaults = new Button("Protocol defaults");
  private final Label problem = new Label();

  PrescriptionEditor() {
    setHgap(10);
    setVgap(8);
    addRow(0, new Label("Rolls"), range(rollsMin, rollsMax), new Label("Seconds per pass"), range(passMin, passMax),
        new Label("Sessions a week"), perWeek);
    addRow(1, new Label("Tender spot (s)"), range(tenderMin, tenderMax), new Label("Extension hold (s)"), hold);
    save.setId("savePrescription");
    defaults.setId("defaultPrescription");
    defaults.setOnAction(e -> show(Prescription.protocolDefault()));
    problem.setId("prescriptionProblem");
    problem.getStyleClass().add("error-text");
    add(new HBox(10, save, defaults, problem), 0, 2, 6, 1);
  }

  /** Called with the form's prescription when Save is pressed and the numbers are valid. */
  void onSave(Consumer<Prescription> saved) {
    save.setOnAction(e -> {
      Prescription p = read();
      if (p != null) saved.accept(p);
    });
  }

  void show(Prescription p) {
    rollsMin.setText(Integer.toString(p.rollsMin()));
    rollsMax.setText(Integer.toString(p.rollsMax()));
    passMin.setText(num(p.secondsPerPassMin()));
    passMax.setText(num(p.secondsPerPassMax()));
    tenderMin.setText(num(p.tenderSpotMinS()));
    tenderMax.setText(num(p.tenderSpotMaxS()));
    hold.setText(num(p.holdS()));
    perWeek.setText(Integer.toString(p.sessionsPerWeek()));
    problem.setText("");
  }

  /** The form as a prescription, or null with the reason shown beside Save. */
  Prescription read() {
    try {
      Prescription p = new Prescription(whole(rollsMin, "rolls"), whole(rollsMax, "rolls"),
          number(passMin, "seconds per pass"), number(passMax, "seconds per pass"),
          number(tenderMin, "tender-spot time"), number(tenderMax, "tender-spot time"),
          number(hold, "hold"), whole(perWeek, "sessions a week"));
      problem.setText("");
      return p;
    } catch (IllegalArgumentException e) { // NumberFormatException too
      problem.setText(e.getMessage());
      return null;
    }
  }

  private static HBox range(TextField min, TextField max) {
    return new HBox(6, min, new Label("–"), max);
  }

  private static double number(TextField f, String what) {
    try {
      return Double.parseDouble(f.getText().trim().replace(',', '.'));
    } catch (NumberFormatException e) {
      throw new NumberFormatException(what + ": '" + f.getText().trim() + "' is not a number");
    }
  }

  private static int whole(TextField f, String what) {
    try {
      return Integer.parseInt(f.getText().trim());
    } catch (NumberFormatException e) {
      throw new NumberFormatException(what + ": '" + f.getText().trim() + "' is not a whole number");
    }
  }

  private static String num(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.1f", d);
  }

  private static TextField field(String id) {
    TextField f = new TextField();
    f.setId(id);
    f.setPrefColumnCount(4);
    return f;
  }
}
