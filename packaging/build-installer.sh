#!/usr/bin/env bash
# Builds Roller Coach as an app, with no JDK needed where it is installed:
#   target/installer/roller-coach/           app image: bin/roller-coach, its own runtime (jlink, only
#                                            the modules jdeps finds in use) and the AppCDS archive
#   target/installer/roller-coach_*.deb      the same as a Debian package: /opt/roller-coach, a desktop
#                                            entry and icon that open the window, roller-coach on the PATH
# Usage: packaging/build-installer.sh [--image-only] [--no-build]
#   --image-only  skip the .deb          --no-build  use the jar already in target/ (CI, after mvn verify)
# Needs jdeps/jlink/jpackage from JDK 17+: it bundles the runtime of the JDK on the PATH (AppCDS
# archive), or of ROLLER_COACH_JDK=/path/to/jdk. The code stays compiled for Java 17 (--release 17);
# only the bundled runtime changes. A JDK 24+ there gets an AOT cache (JEP 483/514/515) trained on
# `analyze` of a sample instead of the AppCDS archive; measured side by side (docs/benchmarks.md,
# round 3) that tied with JDK 17 + AppCDS + C1 and made the image 156 MB instead of 122 MB, so it is
# not the default. The .deb also needs fakeroot and dpkg-deb (apt-get install
# fakeroot). Install it with `apt-get install ./target/installer/roller-coach_*.deb` (pulls the few
# shared libraries the runtime needs); remove it with `dpkg --purge roller-coach`.
set -euo pipefail
cd "$(dirname "$0")/.."
image_only=false
build=true
for a in "$@"; do
  case "$a" in
    --image-only) image_only=true ;;
    --no-build) build=false ;;
    *) echo "usage: $0 [--image-only] [--no-build]" >&2; exit 2 ;;
  esac
done
version=$(sed -n 's:.*String VERSION = "roller-coach \(.*\)";.*:\1:p' \
  src/main/java/com/rollercoach/cli/RollerCoachCommand.java)

if $build || [ ! -f target/roller-coach.jar ]; then mvn -B -q package -DskipTests; fi
out=target/installer
rm -rf "$out"
mkdir -p "$out/input"
cp target/roller-coach.jar samples/typical-session.csv packaging/linux/roller-coach-cds.sh "$out/input/"

# The JDK whose tools (and so whose runtime) are used: ROLLER_COACH_JDK, else the one on the PATH.
major() { sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null; }
jdk=${ROLLER_COACH_JDK:-$(dirname "$(dirname "$(readlink -f "$(command -v jlink)")")")}
echo "runtime from: $jdk (Java $(major "$jdk"))"

# The JDK modules the jar uses (JavaFX and the libraries are inside the shaded jar, on the class path).
# (jdeps warns on stdout about packages split between the jar and the JDK: only its last line counts)
modules=$("$jdk/bin/jdeps" --ignore-missing-deps --multi-release 17 --print-module-deps target/roller-coach.jar \
  2>/dev/null | grep -v '^Warning' | tail -1)
echo "runtime modules: $modules"
# --generate-cds-archive: the runtime's own base archive (used when the app's archive is missing or stale).
# (zip-6 is the level 2 of JDK 17's --compress, renamed in 21)
if [ "$(major "$jdk")" -ge 21 ]; then compress=zip-6; else compress=2; fi
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=$compress \
  --generate-cds-archive --output "$out/runtime"

common=(--name roller-coach --app-version "$version" --vendor "Roller Coach"
  --description "Coach for upper-back foam rolling with an IMU inside the roller")
"$jdk/bin/jpackage" --type app-image "${common[@]}" --dest "$out" --input "$out/input" \
  --main-jar roller-coach.jar --main-class com.rollercoach.Main --runtime-image "$out/runtime" \
  --icon packaging/linux/roller-coach.png
# bin/roller-coach becomes a shell launcher (why: packaging/linux/roller-coach.sh); it runs the GUI when
# started with no arguments on a desktop, so the desktop entry needs no launcher of its own.
install -m 755 packaging/linux/roller-coach.sh "$out/roller-coach/bin/roller-coach"
# The desktop entry that opens the window; the .deb's postinst copies it (and lib/roller-coach.png,
# which jpackage puts there from --icon) into /usr/share without xdg-desktop-menu (why: postinst).
install -m 644 packaging/linux/roller-coach.desktop "$out/roller-coach/lib/roller-coach.desktop"
install -m 644 packaging/linux/roller-coach.png "$out/roller-coach/lib/roller-coach.png"

if ! $image_only; then
  # Packaged before the archive exists: the .deb's postinst makes it for /opt/roller-coach.
  # Only the maintainer scripts as resources, and no --icon: jpackage 17 turns a custom icon (given or
  # found in the resource folder) into an xdg-desktop-menu call and a dependency on xdg-utils, which
  # fail or are missing on a minimal machine. The entry and icon are installed by postinst instead.
  mkdir -p "$out/deb-resources"
  cp packaging/linux/postinst packaging/linux/prerm "$out/deb-resources/"
  "$jdk/bin/jpackage" --type deb "${common[@]}" --dest "$out" --app-image "$out/roller-coach" \
    --resource-dir "$out/deb-resources" --linux-app-category misc \
    --linux-deb-maintainer "roller-coach@example.org"
fi
packaging/linux/roller-coach-cds.sh "$PWD/$out/roller-coach"
du -sh "$out/roller-coach" "$out"/*.deb 2>/dev/null || true
echo "app image: $out/roller-coach/bin/roller-coach"
