/* Linked into the native build of trace.c (compiled with -Dsleep=mallocscope_bench_sleep) so
 * the seed's sleep(120) costs no wall time, as on Mallocscope's simulated clock. */
unsigned int mallocscope_bench_sleep(unsigned int seconds) {
    (void)seconds;
    return 0;
}
