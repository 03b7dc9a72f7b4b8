#ifndef MHUB_CLIBXML2_SHIM_H
#define MHUB_CLIBXML2_SHIM_H
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
