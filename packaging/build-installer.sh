#!/usr/bin/env bash
# Builds Roller Coach as an app, with no JDK needed where it is installed:
#   target/installer/roller-coach/           app image: bin/roller-coach, its own runtime (jlink, only
#                                            the modules jdeps finds in use) and the AppCDS archive
#   target/installer/roller-coach_*.deb      the same as a Debian package: /opt/roller-coach, a desktop
#                                            entry and icon that open the window, roller-coach on the PATH
# Usage: packaging/build-installer.sh [--image-only]     (needs jdeps/jlink/jpackage from JDK 17+;
#        the .deb also needs fakeroot and dpkg-deb: apt-get install fakeroot)
set -euo pipefail
cd "$(dirname "$0")/.."
image_only=false
[ "${1:-}" = --image-only ] && image_only=true
version=$(sed -n 's:.*String VERSION = "roller-coach \(.*\)";.*:\1:p' \
  src/main/java/com/rollercoach/cli/RollerCoachCommand.java)

mvn -B -q package -DskipTests
out=target/installer
rm -rf "$out"
mkdir -p "$out/input"
cp target/roller-coach.jar samples/typical-session.csv packaging/linux/roller-coach-cds.sh "$out/input/"

# The JDK modules the jar uses (JavaFX and the libraries are inside the shaded jar, on the class path).
modules=$(jdeps --ignore-missing-deps --multi-release 17 --print-module-deps target/roller-coach.jar)
echo "runtime modules: $modules"
# --generate-cds-archive: the runtime's own base archive, which the app's dynamic archive extends.
jlink --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=2 \
  --generate-cds-archive --output "$out/runtime"

common=(--name roller-coach --app-version "$version" --vendor "Roller Coach"
  --description "Coach for upper-back foam rolling with an IMU inside the roller")
jpackage --type app-image "${common[@]}" --dest "$out" --input "$out/input" \
  --main-jar roller-coach.jar --main-class com.rollercoach.Main --runtime-image "$out/runtime" \
  --icon packaging/linux/roller-coach.png
# bin/roller-coach becomes a shell launcher (why: packaging/linux/roller-coach.sh); it runs the GUI when
# started with no arguments on a desktop, so the desktop entry needs no launcher of its own.
install -m 755 packaging/linux/roller-coach.sh "$out/roller-coach/bin/roller-coach"

if ! $image_only; then
  # Packaged before the archive exists: the .deb's postinst makes it for /opt/roller-coach.
  jpackage --type deb "${common[@]}" --dest "$out" --app-image "$out/roller-coach" \
    --resource-dir packaging/linux --icon packaging/linux/roller-coach.png \
    --linux-shortcut --linux-menu-group "Utility;MedicalSoftware" --linux-app-category misc \
    --linux-deb-maintainer "roller-coach@example.org"
fi
packaging/linux/roller-coach-cds.sh "$PWD/$out/roller-coach"
du -sh "$out/roller-coach" "$out"/*.deb 2>/dev/null || true
echo "app image: $out/roller-coach/bin/roller-coach"
