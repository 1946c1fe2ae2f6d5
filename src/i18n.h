/* i18n.h: gettext shorthands.
 * Layer: base. */
#ifndef FLASHFIX_I18N_H
#define FLASHFIX_I18N_H

#include <libintl.h>
#include <locale.h>

#define _(s) gettext(s)
#define N_(s) (s)

#endif
