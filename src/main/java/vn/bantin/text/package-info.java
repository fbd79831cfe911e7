/**
 * Text rules shared by every module: NFC normalisation of input and diacritic-insensitive
 * folding for search. It depends on no other module.
 */
package vn.bantin.text;
