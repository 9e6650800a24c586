/* string.h: the few memory and string functions hv needs (freestanding). */
#ifndef HV_LIB_STRING_H
#define HV_LIB_STRING_H

#include <stddef.h>

void *memcpy(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
/* Copy at most size-1 bytes of src into dst and always NUL-terminate. */
size_t strlcpy(char *dst, const char *src, size_t size);

#endif
