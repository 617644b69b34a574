// The query language of LANGUAGE.md's "Queries" section: one or more root fields, each with
// optional arguments and an optional selection of sub-fields, e.g.
//   pipeline(name: "habitat-build") { state progress currentStage stages { name status duration } }
// Which fields and arguments exist is the executor's business (engine.query.QuerySchema); the
// grammar only knows the shape, so an unknown field is reported with the fields that do exist.
grammar Query;

query     : field+ EOF ;
field     : NAME arguments? selection? ;
arguments : '(' (argument (','? argument)* ','?)? ')' ;
argument  : NAME ':' value ;
value     : STRING | INT | NAME ;
selection : '{' field* '}' ;

NAME    : [A-Za-z_] [A-Za-z0-9_-]* ;
INT     : '-'? [0-9]+ ;
STRING  : '"' ( '\\' ["\\nt] | ~["\\\r\n] )* '"' ;
COMMENT : '#' ~[\r\n]* -> skip ;
WS      : [ \t\r\n]+ -> skip ;
// Anything else becomes a token the parser rejects with its position, not a lexer stack trace.
OTHER   : . ;
