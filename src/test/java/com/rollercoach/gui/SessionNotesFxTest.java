package com.rollercoach.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollercoach.core.sample.SampleSink;
import com.rollercoach.gui.review.SessionNotesDialog;
import com.rollercoach.gui.source.LinkStatus;
import com.rollercoach.gui.source.ReplaySource;
import com.rollercoach.gui.source.SampleFiles;
import com.rollercoach.gui.source.SampleSource;
import com.rollercoach.review.library.SessionEntry;
import com.rollercoach.review.library.SessionLibrary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * When a window session ends and its recording joins the library, the window asks pain before/after
 * and a note, and saves them under that session's id.
 */
@ExtendWith(ApplicationExtension.class)
class SessionNotesFxTest {
  private AppWindow window;
  private Path home;

  @Start
  void start(Stage stage) throws Exception {
    home = Files.createTempDirectory("rc-notes");
    window = TestWindows.open(stage, home);
  }

  @AfterEach
  void stop(FxRobot robot) {
    robot.interact(window::shutdown);
  }

  /** A recording made into the data folder's sessions/ (as a roller's is), played at full speed. */
  private static final class Recorded implements SampleSource {
    private final ReplaySource replay;
    private final Path file;

    Recorded(Path file) {
      this.file = file;
      this.replay = SampleFiles.replay(file, 0);
    }

    @Override
    public String description() {
      return "recording " + file.getFileName();
    }

    @Override
    public void run(SampleSink sink, Consumer<LinkStatus> status) throws Exception {
      replay.run(sink, status);
    }

    @Override
    public void stop() {
      replay.stop();
    }

    @Override
    public boolean records() {
      return true;
    }

    @Override
    public Optional<Path> recording() {
      return Optional.of(file);
    }
  }

  @Test
  void theEndOfASessionAsksPainAndANoteAndSavesThemUnderTheSession(FxRobot robot) throws Exception {
    Files.createDirectories(home.resolve("sessions"));
    Path rec = Files.copy(Path.of("samples/tender-spots-bluetooth.csv"), home.resolve("sessions/tender.csv"));
    robot.interact(() -> window.start(new Recorded(rec)));
    window.liveView().session().join(60_000);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#painBefore").tryQuery().isPresent());
    SessionEntry entry = window.liveView().session().libraryEntry().orElseThrow();

    robot.interact(() -> {
      robot.lookup("#painBefore").<String>queryComboBox().setValue("6");
      robot.lookup("#painAfter").<String>queryComboBox().setValue("3");
      robot.lookup("#noteText").queryAs(TextArea.class).setText("tender left of T6");
      DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
      ((Button) pane.lookupButton(SessionNotesDialog.SAVE)).fire();
    });
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(robot.lookup("#painBefore").tryQuery().isEmpty(), "the dialog closed");
    try (SessionLibrary lib = SessionLibrary.open(home)) {
      var notes = lib.get(entry.id()).notes();
      assertEquals(OptionalInt.of(6), notes.painBefore());
      assertEquals(OptionalInt.of(3), notes.painAfter());
      assertEquals("tender left of T6", notes.text());
    }
  }
}
