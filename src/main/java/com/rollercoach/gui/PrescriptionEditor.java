package com.rollercoach.gui;

import com.rollercoach.core.NumberText;
import com.rollercoach.core.coach.Prescription;
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
    // Four columns, so the form fits 1280 px in large text too.
    addRow(0, label("Rolls"), range(rollsMin, rollsMax), label("Seconds per pass"), range(passMin, passMax));
    HBox holdAndWeek = new HBox(10, hold, label("Sessions a week"), perWeek);
    holdAndWeek.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    addRow(1, label("Tender spot (s)"), range(tenderMin, tenderMax), label("Extension hold (s)"), holdAndWeek);
    save.setId("savePrescription");
    defaults.setId("defaultPrescription");
    defaults.setOnAction(e -> show(Prescription.protocolDefault()));
    problem.setId("prescriptionProblem");
    problem.getStyleClass().add("error-text");
    add(new HBox(10, save, defaults, problem), 0, 2, 4, 1);
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
    passMin.setText(NumberText.upTo(p.secondsPerPassMin(), 1));
    passMax.setText(NumberText.upTo(p.secondsPerPassMax(), 1));
    tenderMin.setText(NumberText.upTo(p.tenderSpotMinS(), 1));
    tenderMax.setText(NumberText.upTo(p.tenderSpotMaxS(), 1));
    hold.setText(NumberText.upTo(p.holdS(), 1));
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
    HBox h = new HBox(6, min, new Label("–"), max);
    h.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    return h;
  }

  private static Label label(String text) {
    Label l = new Label(text);
    l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // never "Seconds per…"
    return l;
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


  private static TextField field(String id) {
    TextField f = new TextField();
    f.setId(id);
    f.setPrefColumnCount(3);
    f.setMaxWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    return f;
  }
}
