#ifndef MHUB_CLIBXML2_SHIM_H
#define MHUB_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
/* Debian builds libxml2 with ICU, so its encoding header would pull in the system's ICU
   headers, whose enum UErrorCode clashes with the copy Foundation carries (_FoundationICU) in
   any Swift module that sees both ("not present in definition of 'enum UErrorCode'"). The hub
   uses no ICU-specific libxml2 API and never allocates the structures those fields extend. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlwriter.h>
#include <libxml/xpath.h>

/* libxml2's generic error handler is variadic, which Swift cannot implement: this one drops
   the messages (each reader collects its errors through a structured handler instead). */
static inline void mhub_xml_ignore_generic_error(void *context, const char *message, ...) {
    (void)context;
    (void)message;
}

static inline void mhub_xml_silence_generic_errors(void) {
    xmlSetGenericErrorFunc(NULL, mhub_xml_ignore_generic_error);
}
#endif
