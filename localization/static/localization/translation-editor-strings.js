// wagtail-localize's translation editor (its React bundle) writes two strings in English
// without asking gettext: the heading "<source> to <target> translation" above the
// segments and the screen-reader label "More actions" of its action menu. This puts the
// admin's own, given by the script tag in the user's language, in their place.
(() => {
  const script = document.currentScript;
  const editor = document.querySelector(".js-translation-editor[data-props]");
  if (!script || !editor) return;
  let props;
  try {
    props = JSON.parse(editor.dataset.props);
  } catch {
    return;
  }
  const source = props.sourceLocale && props.sourceLocale.displayName;
  const target = props.locale && props.locale.displayName;
  const english = new Map([["More actions", script.dataset.moreActions]]);
  if (source && target) {
    english.set(
      `${source} to ${target} translation`,
      script.dataset.heading.replace("{source}", source).replace("{target}", target),
    );
  }
  const replace = () => {
    const found = document.querySelectorAll("main h3, main .w-sr-only");
    for (const element of found) {
      const translated = english.get(element.textContent);
      if (translated && element.children.length === 0) element.textContent = translated;
    }
  };
  new MutationObserver(replace).observe(editor, { childList: true, subtree: true });
  replace();
})();
