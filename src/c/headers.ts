// The standard headers, as C text for the same front end to parse. Types and constants are the
// macOS (Darwin arm64, LP64) ones: int64_t is `long long`, size_t `unsigned long`, errno codes
// from <sys/errno.h>. Functions declared here reach the machine as built-in FuncSymbols, looked
// up by name; conventions for FILE, stdout, errno, assert and va_list are in the project brief.

const STDDEF = `
typedef unsigned long size_t;
typedef long ptrdiff_t;
typedef int wchar_t;
typedef long max_align_t;
#ifndef NULL
#define NULL ((void *)0)
#endif
#define offsetof(type, member) __builtin_offsetof(type, member)
`;

const SYS_TYPES = `
#include <stddef.h>
typedef long ssize_t;
typedef int pid_t;
typedef unsigned int uid_t;
typedef unsigned int gid_t;
typedef long long off_t;
typedef long time_t;
typedef unsigned long clock_t;
typedef unsigned int useconds_t;
typedef int suseconds_t;
typedef unsigned short mode_t;
`;

const STDARG = `
typedef __builtin_va_list va_list;
typedef __builtin_va_list __gnuc_va_list;
void __builtin_va_start(__builtin_va_list *ap);
void __builtin_va_end(__builtin_va_list *ap);
#define va_start(ap, last) __builtin_va_start(&(ap))
#define va_arg(ap, type) __builtin_va_arg(ap, type)
#define va_end(ap) __builtin_va_end(&(ap))
#define va_copy(dest, src) ((dest) = (src))
#define __va_copy(dest, src) ((dest) = (src))
`;

const STDIO = `
#include <stddef.h>
#include <stdarg.h>
#include <sys/types.h>
typedef struct __sFILE FILE;
typedef long long fpos_t;
extern FILE *__stdinp;
extern FILE *__stdoutp;
extern FILE *__stderrp;
#define stdin __stdinp
#define stdout __stdoutp
#define stderr __stderrp
#define EOF (-1)
#define BUFSIZ 1024
#define FILENAME_MAX 1024
#define _IOFBF 0
#define _IOLBF 1
#define _IONBF 2
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
int printf(const char *format, ...);
int fprintf(FILE *stream, const char *format, ...);
int sprintf(char *str, const char *format, ...);
int snprintf(char *str, size_t size, const char *format, ...);
int dprintf(int fd, const char *format, ...);
int vprintf(const char *format, va_list ap);
int vfprintf(FILE *stream, const char *format, va_list ap);
int vsprintf(char *str, const char *format, va_list ap);
int vsnprintf(char *str, size_t size, const char *format, va_list ap);
int puts(const char *s);
int putchar(int c);
int fputs(const char *s, FILE *stream);
int fputc(int c, FILE *stream);
int putc(int c, FILE *stream);
int getchar(void);
char *fgets(char *s, int size, FILE *stream);
int getc(FILE *stream);
int fgetc(FILE *stream);
int ungetc(int c, FILE *stream);
int scanf(const char *format, ...);
int sscanf(const char *str, const char *format, ...);
int fscanf(FILE *stream, const char *format, ...);
size_t fwrite(const void *ptr, size_t size, size_t nitems, FILE *stream);
size_t fread(void *ptr, size_t size, size_t nitems, FILE *stream);
int fflush(FILE *stream);
int setvbuf(FILE *stream, char *buf, int mode, size_t size);
void setbuf(FILE *stream, char *buf);
int feof(FILE *stream);
int ferror(FILE *stream);
void clearerr(FILE *stream);
void perror(const char *s);
ssize_t getline(char **linep, size_t *linecapp, FILE *stream);
`;

const STDLIB = `
#include <stddef.h>
typedef struct { int quot; int rem; } div_t;
typedef struct { long quot; long rem; } ldiv_t;
typedef struct { long long quot; long long rem; } lldiv_t;
#define EXIT_SUCCESS 0
#define EXIT_FAILURE 1
#define RAND_MAX 0x7fffffff
#define MB_CUR_MAX 4
void *malloc(size_t size);
void *calloc(size_t count, size_t size);
void *realloc(void *ptr, size_t size);
void *reallocf(void *ptr, size_t size);
void free(void *ptr);
void *valloc(size_t size);
void *aligned_alloc(size_t alignment, size_t size);
int posix_memalign(void **memptr, size_t alignment, size_t size);
_Noreturn void exit(int status);
_Noreturn void _Exit(int status);
int atexit(void (*func)(void));
_Noreturn void abort(void);
int abs(int i);
long labs(long i);
long long llabs(long long i);
div_t div(int numer, int denom);
ldiv_t ldiv(long numer, long denom);
lldiv_t lldiv(long long numer, long long denom);
int atoi(const char *str);
long atol(const char *str);
long long atoll(const char *str);
double atof(const char *str);
long strtol(const char *str, char **endptr, int base);
unsigned long strtoul(const char *str, char **endptr, int base);
long long strtoll(const char *str, char **endptr, int base);
unsigned long long strtoull(const char *str, char **endptr, int base);
double strtod(const char *str, char **endptr);
float strtof(const char *str, char **endptr);
void qsort(void *base, size_t nel, size_t width, int (*compar)(const void *, const void *));
void *bsearch(const void *key, const void *base, size_t nel, size_t width, int (*compar)(const void *, const void *));
int rand(void);
void srand(unsigned seed);
long random(void);
void srandom(unsigned seed);
unsigned int arc4random(void);
unsigned int arc4random_uniform(unsigned int upper_bound);
char *getenv(const char *name);
int setenv(const char *name, const char *value, int overwrite);
int unsetenv(const char *name);
`;

const MALLOC_MALLOC = `
#include <stddef.h>
size_t malloc_size(const void *ptr);
size_t malloc_good_size(size_t size);
`;

const STRING = `
#include <stddef.h>
void *memset(void *b, int c, size_t len);
void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t len);
int memcmp(const void *s1, const void *s2, size_t n);
void *memchr(const void *s, int c, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t maxlen);
char *strcpy(char *dst, const char *src);
char *strncpy(char *dst, const char *src, size_t len);
char *stpcpy(char *dst, const char *src);
size_t strlcpy(char *dst, const char *src, size_t size);
size_t strlcat(char *dst, const char *src, size_t size);
char *strcat(char *s1, const char *s2);
char *strncat(char *s1, const char *s2, size_t n);
int strcmp(const char *s1, const char *s2);
int strncmp(const char *s1, const char *s2, size_t n);
int strcoll(const char *s1, const char *s2);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
char *strstr(const char *haystack, const char *needle);
char *strdup(const char *s1);
char *strndup(const char *s1, size_t n);
char *strtok(char *str, const char *sep);
char *strtok_r(char *str, const char *sep, char **lasts);
char *strerror(int errnum);
size_t strspn(const char *s, const char *charset);
size_t strcspn(const char *s, const char *charset);
char *strpbrk(const char *s, const char *charset);
char *strsep(char **stringp, const char *delim);
`;

const STRINGS = `
#include <stddef.h>
int strcasecmp(const char *s1, const char *s2);
int strncasecmp(const char *s1, const char *s2, size_t n);
void bzero(void *s, size_t n);
`;

const UNISTD = `
#include <sys/types.h>
#define STDIN_FILENO 0
#define STDOUT_FILENO 1
#define STDERR_FILENO 2
#define _SC_PAGESIZE 29
#define _SC_PAGE_SIZE _SC_PAGESIZE
#define _SC_NPROCESSORS_ONLN 58
pid_t getpid(void);
pid_t getppid(void);
unsigned int sleep(unsigned int seconds);
int usleep(useconds_t microseconds);
ssize_t write(int fildes, const void *buf, size_t nbyte);
ssize_t read(int fildes, void *buf, size_t nbyte);
int getpagesize(void);
long sysconf(int name);
_Noreturn void _exit(int status);
`;

const STDINT = `
typedef signed char int8_t;
typedef short int16_t;
typedef int int32_t;
typedef long long int64_t;
typedef unsigned char uint8_t;
typedef unsigned short uint16_t;
typedef unsigned int uint32_t;
typedef unsigned long long uint64_t;
typedef int8_t int_least8_t;
typedef int16_t int_least16_t;
typedef int32_t int_least32_t;
typedef int64_t int_least64_t;
typedef uint8_t uint_least8_t;
typedef uint16_t uint_least16_t;
typedef uint32_t uint_least32_t;
typedef uint64_t uint_least64_t;
typedef int8_t int_fast8_t;
typedef int16_t int_fast16_t;
typedef int32_t int_fast32_t;
typedef int64_t int_fast64_t;
typedef uint8_t uint_fast8_t;
typedef uint16_t uint_fast16_t;
typedef uint32_t uint_fast32_t;
typedef uint64_t uint_fast64_t;
typedef long intptr_t;
typedef unsigned long uintptr_t;
typedef long intmax_t;
typedef unsigned long uintmax_t;
#define INT8_MAX 127
#define INT16_MAX 32767
#define INT32_MAX 2147483647
#define INT64_MAX 9223372036854775807LL
#define INT8_MIN (-128)
#define INT16_MIN (-32768)
#define INT32_MIN (-INT32_MAX-1)
#define INT64_MIN (-INT64_MAX-1)
#define UINT8_MAX 255
#define UINT16_MAX 65535
#define UINT32_MAX 4294967295U
#define UINT64_MAX 18446744073709551615ULL
#define INT_LEAST8_MIN INT8_MIN
#define INT_LEAST16_MIN INT16_MIN
#define INT_LEAST32_MIN INT32_MIN
#define INT_LEAST64_MIN INT64_MIN
#define INT_LEAST8_MAX INT8_MAX
#define INT_LEAST16_MAX INT16_MAX
#define INT_LEAST32_MAX INT32_MAX
#define INT_LEAST64_MAX INT64_MAX
#define UINT_LEAST8_MAX UINT8_MAX
#define UINT_LEAST16_MAX UINT16_MAX
#define UINT_LEAST32_MAX UINT32_MAX
#define UINT_LEAST64_MAX UINT64_MAX
#define INT_FAST8_MIN INT8_MIN
#define INT_FAST16_MIN INT16_MIN
#define INT_FAST32_MIN INT32_MIN
#define INT_FAST64_MIN INT64_MIN
#define INT_FAST8_MAX INT8_MAX
#define INT_FAST16_MAX INT16_MAX
#define INT_FAST32_MAX INT32_MAX
#define INT_FAST64_MAX INT64_MAX
#define UINT_FAST8_MAX UINT8_MAX
#define UINT_FAST16_MAX UINT16_MAX
#define UINT_FAST32_MAX UINT32_MAX
#define UINT_FAST64_MAX UINT64_MAX
#define INTPTR_MAX 9223372036854775807L
#define INTPTR_MIN (-INTPTR_MAX-1)
#define UINTPTR_MAX 18446744073709551615UL
#define INTMAX_MAX INTPTR_MAX
#define INTMAX_MIN INTPTR_MIN
#define UINTMAX_MAX UINTPTR_MAX
#define PTRDIFF_MAX INTPTR_MAX
#define PTRDIFF_MIN INTPTR_MIN
#define SIZE_MAX UINTPTR_MAX
#define INT8_C(v) (v)
#define INT16_C(v) (v)
#define INT32_C(v) (v)
#define INT64_C(v) (v ## LL)
#define UINT8_C(v) (v)
#define UINT16_C(v) (v)
#define UINT32_C(v) (v ## U)
#define UINT64_C(v) (v ## ULL)
#define INTMAX_C(v) (v ## L)
#define UINTMAX_C(v) (v ## UL)
`;

// 64-bit types are long long on Darwin, hence "ll"; pointer-sized and max types are long.
function inttypesText(): string {
  const lines = ['#include <stdint.h>'];
  const widths: [string, string][] = [['8', 'hh'], ['16', 'h'], ['32', ''], ['64', 'll']];
  for (const conv of ['d', 'i', 'o', 'u', 'x', 'X']) {
    const up = conv.toUpperCase() === conv ? 'X' : conv;
    for (const [bits, len] of widths) {
      lines.push(`#define PRI${up}${bits} "${len}${conv}"`);
      lines.push(`#define PRI${up}LEAST${bits} "${len}${conv}"`);
      lines.push(`#define PRI${up}FAST${bits} "${len}${conv}"`);
      if (conv !== 'X') {
        lines.push(`#define SCN${conv}${bits} "${len}${conv}"`);
      }
    }
    lines.push(`#define PRI${up}PTR "l${conv}"`);
    lines.push(`#define PRI${up}MAX "j${conv}"`);
  }
  lines.push('intmax_t imaxabs(intmax_t j);');
  lines.push('intmax_t strtoimax(const char *nptr, char **endptr, int base);');
  lines.push('uintmax_t strtoumax(const char *nptr, char **endptr, int base);');
  return lines.join('\n') + '\n';
}

const STDBOOL = `
#define bool _Bool
#define true 1
#define false 0
#define __bool_true_false_are_defined 1
`;

const LIMITS = `
#define CHAR_BIT 8
#define SCHAR_MIN (-128)
#define SCHAR_MAX 127
#define UCHAR_MAX 255
#define CHAR_MIN SCHAR_MIN
#define CHAR_MAX SCHAR_MAX
#define SHRT_MIN (-32768)
#define SHRT_MAX 32767
#define USHRT_MAX 65535
#define INT_MIN (-2147483647-1)
#define INT_MAX 2147483647
#define UINT_MAX 4294967295U
#define LONG_MIN (-9223372036854775807L-1L)
#define LONG_MAX 9223372036854775807L
#define ULONG_MAX 18446744073709551615UL
#define LLONG_MIN (-9223372036854775807LL-1LL)
#define LLONG_MAX 9223372036854775807LL
#define ULLONG_MAX 18446744073709551615ULL
#define LONG_BIT 64
#define WORD_BIT 32
#define SSIZE_MAX LONG_MAX
#define MB_LEN_MAX 6
#define PATH_MAX 1024
`;

const CTYPE = `
int isalnum(int c);
int isalpha(int c);
int isblank(int c);
int iscntrl(int c);
int isdigit(int c);
int isgraph(int c);
int islower(int c);
int isprint(int c);
int ispunct(int c);
int isspace(int c);
int isupper(int c);
int isxdigit(int c);
int isascii(int c);
int tolower(int c);
int toupper(int c);
`;

const ASSERT = `
#undef assert
#ifdef NDEBUG
#define assert(e) ((void)0)
#else
_Noreturn void __assert_rtn(const char *func, const char *file, int line, const char *expr);
#define assert(e) ((e) ? (void)0 : __assert_rtn(__func__, __FILE__, __LINE__, #e))
#endif
#ifndef static_assert
#define static_assert _Static_assert
#endif
`;

const ERRNO = `
extern int *__error(void);
#define errno (*__error())
#define EPERM 1
#define ENOENT 2
#define ESRCH 3
#define EINTR 4
#define EIO 5
#define ENXIO 6
#define E2BIG 7
#define ENOEXEC 8
#define EBADF 9
#define ECHILD 10
#define EDEADLK 11
#define ENOMEM 12
#define EACCES 13
#define EFAULT 14
#define ENOTBLK 15
#define EBUSY 16
#define EEXIST 17
#define EXDEV 18
#define ENODEV 19
#define ENOTDIR 20
#define EISDIR 21
#define EINVAL 22
#define ENFILE 23
#define EMFILE 24
#define ENOTTY 25
#define ETXTBSY 26
#define EFBIG 27
#define ENOSPC 28
#define ESPIPE 29
#define EROFS 30
#define EMLINK 31
#define EPIPE 32
#define EDOM 33
#define ERANGE 34
#define EAGAIN 35
#define EWOULDBLOCK EAGAIN
#define EINPROGRESS 36
#define EALREADY 37
#define ENOTSOCK 38
#define EDESTADDRREQ 39
#define EMSGSIZE 40
#define EPROTOTYPE 41
#define ENOPROTOOPT 42
#define EPROTONOSUPPORT 43
#define ENOTSUP 45
#define EOPNOTSUPP 102
#define EADDRINUSE 48
#define EADDRNOTAVAIL 49
#define ENETDOWN 50
#define ECONNRESET 54
#define ENOBUFS 55
#define ETIMEDOUT 60
#define ECONNREFUSED 61
#define ELOOP 62
#define ENAMETOOLONG 63
#define ENOTEMPTY 66
#define ENOLCK 77
#define ENOSYS 78
#define EOVERFLOW 84
#define ECANCELED 89
#define EILSEQ 92
`;

const MATH = `
#define HUGE_VAL 1e500
#define HUGE_VALF 1e500f
#define INFINITY 1e500f
#define NAN (0.0f / 0.0f)
#define M_E 2.71828182845904523536028747135266250
#define M_LOG2E 1.44269504088896340735992468100189214
#define M_LOG10E 0.434294481903251827651128918916605082
#define M_LN2 0.693147180559945309417232121458176568
#define M_LN10 2.30258509299404568401799145468436421
#define M_PI 3.14159265358979323846264338327950288
#define M_PI_2 1.57079632679489661923132169163975144
#define M_PI_4 0.785398163397448309615660845819875721
#define M_1_PI 0.318309886183790671537767526745028724
#define M_2_PI 0.636619772367581343075535053490057448
#define M_SQRT2 1.41421356237309504880168872420969808
#define M_SQRT1_2 0.707106781186547524400844362104849039
#define isnan(x) ((x) != (x))
#define isinf(x) (!isnan(x) && isnan((x) - (x)))
#define isfinite(x) (!isnan((x) - (x)))
#define signbit(x) ((x) < 0 || (1 / (double)(x)) < 0)
double fabs(double x);
float fabsf(float x);
double sqrt(double x);
float sqrtf(float x);
double pow(double x, double y);
float powf(float x, float y);
double exp(double x);
double exp2(double x);
double log(double x);
double log2(double x);
double log10(double x);
double sin(double x);
double cos(double x);
double tan(double x);
double asin(double x);
double acos(double x);
double atan(double x);
double atan2(double y, double x);
double sinh(double x);
double cosh(double x);
double tanh(double x);
double floor(double x);
float floorf(float x);
double ceil(double x);
float ceilf(float x);
double round(double x);
float roundf(float x);
double trunc(double x);
long lround(double x);
double fmod(double x, double y);
double fmin(double x, double y);
double fmax(double x, double y);
double hypot(double x, double y);
double cbrt(double x);
double ldexp(double x, int exp);
double frexp(double value, int *exp);
double modf(double value, double *iptr);
float sinf(float x);
float cosf(float x);
float tanf(float x);
float asinf(float x);
float acosf(float x);
float atanf(float x);
float sinhf(float x);
float coshf(float x);
float tanhf(float x);
float expf(float x);
float exp2f(float x);
float logf(float x);
float log10f(float x);
float log2f(float x);
double log1p(double x);
float log1pf(float x);
double expm1(double x);
float expm1f(float x);
float truncf(float x);
float cbrtf(float x);
double rint(double x);
float rintf(float x);
double nearbyint(double x);
float nearbyintf(float x);
float atan2f(float x, float y);
float fmodf(float x, float y);
float hypotf(float x, float y);
float fminf(float x, float y);
float fmaxf(float x, float y);
double copysign(double x, double y);
float copysignf(float x, float y);
double remainder(double x, double y);
float remainderf(float x, float y);
double fdim(double x, double y);
float fdimf(float x, float y);
`;

const TIME = `
#include <sys/types.h>
#define CLOCKS_PER_SEC 1000000
struct tm {
  int tm_sec; int tm_min; int tm_hour; int tm_mday; int tm_mon; int tm_year;
  int tm_wday; int tm_yday; int tm_isdst; long tm_gmtoff; char *tm_zone;
};
struct timespec { time_t tv_sec; long tv_nsec; };
time_t time(time_t *tloc);
clock_t clock(void);
double difftime(time_t time1, time_t time0);
int nanosleep(const struct timespec *rqtp, struct timespec *rmtp);
`;

const FLOAT = `
#define FLT_RADIX 2
#define FLT_MANT_DIG 24
#define DBL_MANT_DIG 53
#define LDBL_MANT_DIG 53
#define FLT_DIG 6
#define DBL_DIG 15
#define LDBL_DIG 15
#define DECIMAL_DIG 17
#define FLT_EVAL_METHOD 0
#define FLT_MIN_EXP (-125)
#define DBL_MIN_EXP (-1021)
#define LDBL_MIN_EXP (-1021)
#define FLT_MAX_EXP 128
#define DBL_MAX_EXP 1024
#define LDBL_MAX_EXP 1024
#define FLT_MIN_10_EXP (-37)
#define DBL_MIN_10_EXP (-307)
#define FLT_MAX_10_EXP 38
#define DBL_MAX_10_EXP 308
#define FLT_MAX 3.40282347e+38F
#define DBL_MAX 1.7976931348623157e+308
#define LDBL_MAX 1.7976931348623157e+308L
#define FLT_MIN 1.17549435e-38F
#define DBL_MIN 2.2250738585072014e-308
#define LDBL_MIN 2.2250738585072014e-308L
#define FLT_EPSILON 1.19209290e-7F
#define DBL_EPSILON 2.2204460492503131e-16
#define LDBL_EPSILON 2.2204460492503131e-16L
#define FLT_TRUE_MIN 1.40129846e-45F
#define DBL_TRUE_MIN 4.9406564584124654e-324
`;

const STDALIGN = `
#define alignas _Alignas
#define alignof _Alignof
#define __alignas_is_defined 1
#define __alignof_is_defined 1
`;

const STDNORETURN = `
#define noreturn _Noreturn
`;

const ISO646 = `
#define and &&
#define and_eq &=
#define bitand &
#define bitor |
#define compl ~
#define not !
#define not_eq !=
#define or ||
#define or_eq |=
#define xor ^
#define xor_eq ^=
`;

export const BUILTIN_HEADERS: ReadonlyMap<string, string> = new Map([
  ['stddef.h', STDDEF],
  ['sys/types.h', SYS_TYPES],
  ['stdarg.h', STDARG],
  ['stdio.h', STDIO],
  ['stdlib.h', STDLIB],
  ['malloc/malloc.h', MALLOC_MALLOC],
  ['string.h', STRING],
  ['strings.h', STRINGS],
  ['unistd.h', UNISTD],
  ['stdint.h', STDINT],
  ['inttypes.h', inttypesText()],
  ['stdbool.h', STDBOOL],
  ['limits.h', LIMITS],
  ['ctype.h', CTYPE],
  ['assert.h', ASSERT],
  ['errno.h', ERRNO],
  ['math.h', MATH],
  ['time.h', TIME],
  ['float.h', FLOAT],
  ['stdalign.h', STDALIGN],
  ['stdnoreturn.h', STDNORETURN],
  ['iso646.h', ISO646],
]);

/** assert.h may be included again after changing NDEBUG; every other header is once-only. */
export const REINCLUDABLE_HEADERS: ReadonlySet<string> = new Set(['assert.h']);

/** The path diagnostics and locations show for a built-in header. */
export function builtinHeaderPath(name: string): string { return `<${name}>`; }

export function isBuiltinHeaderPath(path: string): boolean { return path.startsWith('<') && path.endsWith('>'); }

/** Which header declares a library function, for "include the header <x.h>" notes. */
export function headerDeclaring(functionName: string): string | undefined {
  if (!declaringHeader) {
    declaringHeader = new Map();
    for (const [name, text] of BUILTIN_HEADERS) {
      for (const m of text.matchAll(/^[^#\n]*?\b([A-Za-z_]\w*)\s*\([^)]*\)\s*;/gm)) {
        if (!declaringHeader.has(m[1])) declaringHeader.set(m[1], name);
      }
    }
  }
  return declaringHeader.get(functionName);
}
let declaringHeader: Map<string, string> | undefined;
