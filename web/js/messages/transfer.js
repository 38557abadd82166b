// The texts of the desk's transfer tab, in both languages (messages.js merges them with zh.js and en.js;
// a key may be defined once only).

export default {
  zh: {
  },
  en: {
  },
};
