#!/usr/bin/env bash
# Draws bench/results/performance.png from the CSV files the run-*.sh scripts leave in bench/results:
# warm latency percentiles (latency.csv), cold start against the floor per JVM flag set (coldstart-*.csv) and
# fan-out (fanout.csv). Needs python3 and gnuplot (Debian: apt-get install gnuplot-nox).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
results="$here/results"
data="$here/target/plot"
mkdir -p "$data"
command -v gnuplot >/dev/null || { echo "plot: gnuplot is missing (apt-get install gnuplot-nox)" >&2; exit 1; }

python3 - "$results" "$data" <<'PY'
import csv, glob, math, os, sys
results, data = sys.argv[1], sys.argv[2]

def q(values, p):
    values = sorted(values)
    return values[max(0, min(len(values) - 1, math.ceil(p * len(values)) - 1))]

rows = list(csv.DictReader(open(os.path.join(results, "latency.csv"))))
series = [("direct_rtt_ms", "target round trip (harness)"), ("relay_attempt_ms", "relay's attempt (its report)"),
          ("floor_ms", "floor invocation (no-op)"), ("relay_ms", "relay invocation")]
with open(os.path.join(data, "latency.dat"), "w") as out:
    out.write("percentile " + " ".join('"%s"' % label for _, label in series) + "\n")
    for p in (50, 75, 90, 95, 99, 99.9):
        out.write("%s %s\n" % (p, " ".join("%.4f" % q([float(r[key]) for r in rows], p / 100) for key, _ in series)))

labels = ["jdk-defaults", "template", "lambda", "lambda-appcds", "lambda-aws-store"]
with open(os.path.join(data, "coldstart.dat"), "w") as out:
    # No header line: the plot places the flag sets by row number.
    for label in labels:
        path = os.path.join(results, "coldstart-%s.csv" % label)
        if not os.path.exists(path):
            continue
        rows = list(csv.DictReader(open(path)))
        ms = {app: [float(r["first_response_ms"]) / 1000 for r in rows if r["app"] == app] for app in ("relay", "floor")}
        out.write("%s %.3f %.3f %.3f %.3f\n" % (label, q(ms["relay"], .5), q(ms["relay"], .9), q(ms["floor"], .5),
                                                  q(ms["floor"], .9)))

rows = list(csv.DictReader(open(os.path.join(results, "fanout.csv"))))
with open(os.path.join(data, "fanout.dat"), "w") as out:
    out.write("automations p50 p90\n")
    for size in sorted({int(r["automations"]) for r in rows}):
        ms = [float(r["ms"]) for r in rows if int(r["automations"]) == size]
        out.write("%d %.3f %.3f\n" % (size, q(ms, .5), q(ms, .9)))
PY

gnuplot <<GP
set terminal pngcairo size 1500,520 font "DejaVu Sans,10"
set output "$results/performance.png"
set multiplot layout 1,3 title "webhook-relay on the JVM, driven as Lambda runs it (see bench/README.md for machine, load and commands)"

set title "Warm latency per invocation (ms, log scale)"
set logscale y
set xlabel "percentile"
set ylabel "ms"
set key top left
set grid ytics
set xtics ("p50" 0, "p75" 1, "p90" 2, "p95" 3, "p99" 4, "p99.9" 5)
plot for [i=2:5] "$data/latency.dat" using 0:i with linespoints lw 2 pt 7 title columnheader(i)
unset logscale y
unset xtics
set xtics

set title "Cold start: process start to first response (s)"
set style fill solid 0.8 border -1
set boxwidth 0.34
set xlabel "JVM flags (see bench/README.md)"
set ylabel "seconds (bar median, whisker to p90)"
set yrange [0:*]
set xrange [-0.6:4.6]
set key top right
set xtics rotate by -15
plot "$data/coldstart.dat" using (\$0-0.18):2:xtic(1) with boxes lc rgb "#d9534f" title "relay", \
     "" using (\$0-0.18):2:2:3 with yerrorbars lc rgb "black" pt -1 notitle, \
     "" using (\$0+0.18):4 with boxes lc rgb "#5b8ff9" title "floor (no-op endpoint)", \
     "" using (\$0+0.18):4:4:5 with yerrorbars lc rgb "black" pt -1 notitle
unset xrange
set xtics norotate

set title "Fan-out: one event to N automations (ms)"
set style data linespoints
set xlabel "automations"
set ylabel "ms per invocation"
set logscale x
set xtics (1, 10, 50)
set key top left
plot "$data/fanout.dat" using 1:2 lw 2 pt 7 title "p50", "" using 1:3 lw 2 pt 5 title "p90"
unset multiplot
GP
echo "plot: wrote $results/performance.png"
