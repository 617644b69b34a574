/*
 * Tokens of the .pipeline language (docs/language.md). Strings use lexer modes so that an
 * interpolation `${ ... }` can hold any expression, strings included: `"${env.HOME ?? "none"}"`.
 * Every `{` pushes the default mode and every `}` pops it, so the `}` that closes an
 * interpolation returns to the string it came from.
 */
lexer grammar PipelineLexer;

channels { COMMENTS }

PIPELINE : 'pipeline';
PARAM    : 'param';
STAGE    : 'stage';
PARALLEL : 'parallel';
FINALLY  : 'finally';
TRUE     : 'true';
FALSE    : 'false';
NULL     : 'null';

// Listed before BAD_DURATION: on a tie in length the first rule wins, so `1h30m` is a DURATION.
DURATION     : ([0-9]+ ('ms' | 's' | 'm' | 'h'))+;
// A number glued to letters that do not make a duration (`5d`, `1h30`, `1.5h`); the builder explains.
BAD_DURATION : [0-9]+ ('.' [0-9]+)? [A-Za-z_] [A-Za-z0-9_]*;
NUMBER       : [0-9]+ ('.' [0-9]+)?;

ID : [A-Za-z_] [A-Za-z0-9_-]*;

LBRACE   : '{' -> pushMode(DEFAULT_MODE);
RBRACE   : '}' { if (!_modeStack.isEmpty()) popMode(); };
LBRACKET : '[';
RBRACKET : ']';
LPAREN   : '(';
RPAREN   : ')';
COMMA    : ',';
DOT      : '.';
COLON    : ':';

OR       : '||';
AND      : '&&';
EQ       : '==';
NE       : '!=';
LE       : '<=';
GE       : '>=';
LT       : '<';
GT       : '>';
COALESCE : '??';
NOT      : '!';
ASSIGN   : '=';

TRIPLE_OPEN : '"""' -> pushMode(TRIPLE_STRING);
STRING_OPEN : '"' -> pushMode(STRING);

COMMENT : '#' ~[\r\n]* -> channel(COMMENTS);
WS      : [ \t\r\n\f]+ -> skip;

mode STRING;
STRING_CLOSE   : '"' -> popMode;
STRING_TEXT    : ~["\\$\r\n]+;
STRING_ESCAPE  : '\\' ~[\r\n]?;
STRING_DOLLAR  : '$';
STRING_INTERP  : '${' -> pushMode(DEFAULT_MODE);
// A line break ends an unterminated string, so the next lines parse normally again.
STRING_NEWLINE : '\r'? '\n' -> popMode;

mode TRIPLE_STRING;
TRIPLE_CLOSE  : '"""' -> popMode;
TRIPLE_TEXT   : ~["\\$]+ | '"' | '""';
TRIPLE_ESCAPE : '\\' .?;
TRIPLE_DOLLAR : '$';
TRIPLE_INTERP : '${' -> pushMode(DEFAULT_MODE);
