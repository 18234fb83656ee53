"""The host figures the benchmark prints beside each index size: memory bandwidth and CPU steal."""

from __future__ import annotations

from bench.machine import HostWatch, cpu_jiffies
from bench.report import host_line


def test_cpu_ticks_only_grow_and_steal_is_part_of_the_total():
    steal, total = cpu_jiffies()
    sum(i * i for i in range(300_000))  # a few ms of CPU so the counters move
    later_steal, later_total = cpu_jiffies()
    assert 0 <= steal <= total
    assert later_total >= total and later_steal >= steal


def test_the_probe_is_taken_around_each_labelled_measurement_and_read_per_label():
    watch = HostWatch()
    for _ in range(2):
        watch.probe("search hybrid, 1 client")
    watch.probe("floor")
    figures = watch.figures()
    probe = figures["cpu_probe_gflops"]
    assert probe["search hybrid, 1 client"]["n"] == 2 and probe["floor"]["n"] == 1
    assert probe["floor"]["p50"] > 0.5  # any machine that runs the suite does over 0.5 GFLOP/s on one core
    assert figures["cpu_steal_pct"] is None or 0 <= figures["cpu_steal_pct"] <= 100
    line = host_line(figures)
    assert f"at search 1 client {probe['search hybrid, 1 client']['p50']:.1f}" in line
    assert f"at floor {probe['floor']['p50']:.1f}" in line
