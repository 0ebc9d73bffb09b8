// newscorpus viewer: hovering a mention lights its coreference chain; hovering part of a
// quotation lights the whole attribution (source, cue, content) and its entry in the list.
(function () {
  function light(attribute, value, on) {
    var selector = "[" + attribute + '="' + CSS.escape(value) + '"]';
    document.querySelectorAll(selector).forEach(function (element) {
      element.classList.toggle("lit", on);
    });
  }
  function follow(on) {
    return function (event) {
      var mention = event.target.closest("[data-cluster]");
      if (mention) light("data-cluster", mention.getAttribute("data-cluster"), on);
      var quote = event.target.closest("[data-quote]");
      if (quote) light("data-quote", quote.getAttribute("data-quote"), on);
    };
  }
  document.addEventListener("mouseover", follow(true));
  document.addEventListener("mouseout", follow(false));
})();
