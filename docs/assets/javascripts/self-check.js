/* The self-check after each lesson (overrides/partials/lesson-parts.md): without scripts, each question shows its
 * options and, folded, its key. Here each question becomes a fieldset of radio buttons (its legend the question),
 * the keys stay hidden until the learner checks the answers, then each question says right or wrong and opens its
 * key (the answer, why, and the rule it rests on); "Try again" starts afresh. The result is announced (a live
 * region) and kept on this device only, per language (localStorage, keyed by the language's root), and the lesson
 * index marks the lessons checked (overrides/partials/lesson-index.md). The words are the page's, in data-
 * attributes. */
;(function () {
  var sections = document.querySelectorAll(".handbook-self-check[data-self-check]")
  var marks = document.querySelectorAll("[data-self-check-mark]")
  if (!sections.length && !marks.length) return
  var config = document.getElementById("__config")
  var base = config ? JSON.parse(config.textContent).base : "."
  var key = "handbook-self-check:" + new URL(base.replace(/\/?$/, "/"), location.href).pathname
  var lang = document.documentElement.lang === "en" ? "en-GB" : "vi-VN"

  function stored() {
    try { return JSON.parse(localStorage.getItem(key)) || {} } catch (error) { return {} }
  }

  function store(lesson, result) {
    var all = stored()
    all[lesson] = result
    try { localStorage.setItem(key, JSON.stringify(all)) } catch (error) { /* private mode: nothing kept */ }
  }

  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (all, name) { return name in values ? values[name] : all })
  }

  function day(iso) {
    var date = new Date(iso + "T12:00:00")
    return date.toLocaleDateString(lang, { day: "numeric", month: lang === "en-GB" ? "long" : "numeric", year: "numeric" })
  }

  function element(tag, className, text) {
    var node = document.createElement(tag)
    if (className) node.className = className
    if (text) node.textContent = text
    return node
  }

  for (var i = 0; i < marks.length; i++) {
    var result = stored()[marks[i].getAttribute("data-self-check-mark")]
    if (result) {
      marks[i].textContent = fill(marks[i].getAttribute("data-text"), result)
      marks[i].hidden = false
    }
  }

  for (var s = 0; s < sections.length; s++) enhance(sections[s])

  function enhance(section) {
    var words = section.dataset
    var lesson = words.selfCheck
    var questions = [].map.call(section.querySelectorAll(".handbook-self-check__question"), function (box, index) {
      var prompt = box.querySelector(".handbook-self-check__prompt")
      var options = box.querySelectorAll(".handbook-self-check__options > li")
      var answer = Number(box.getAttribute("data-answer"))
      var choice = box.getAttribute("data-kind") === "choice"
      var fieldset = element("fieldset", "handbook-self-check__fieldset")
      var legend = element("legend")
      legend.innerHTML = prompt.innerHTML
      fieldset.appendChild(legend)
      var inputs = [].map.call(options, function (option, position) {
        var label = element("label", "handbook-self-check__option")
        var input = element("input")
        input.type = "radio"
        input.name = "handbook-" + lesson + "-" + (index + 1)
        input.value = String(position)
        label.appendChild(input)
        if (choice) label.appendChild(element("span", "handbook-self-check__letter", "ABCD".charAt(position) + "."))
        label.appendChild(element("span", "", option.textContent))
        fieldset.appendChild(label)
        return input
      })
      var feedback = element("p", "handbook-self-check__feedback")
      feedback.id = box.id + "-ket-qua"
      feedback.hidden = true
      fieldset.setAttribute("aria-describedby", feedback.id)
      fieldset.appendChild(feedback)
      box.replaceChild(fieldset, prompt)
      box.removeChild(box.querySelector(".handbook-self-check__options"))
      var answerBox = box.querySelector(".handbook-self-check__answer")
      answerBox.hidden = true
      var right = options[answer].textContent
      return {
        box: box, inputs: inputs, feedback: feedback, key: answerBox, answer: answer,
        answerText: choice ? "ABCD".charAt(answer) + ". " + right : right,
      }
    })

    var actions = element("div", "handbook-self-check__actions")
    var check = element("button", "md-button md-button--primary", words.check)
    var retry = element("button", "md-button", words.retry)
    check.type = retry.type = "button"
    retry.hidden = true
    actions.appendChild(check)
    actions.appendChild(retry)
    var result = element("p", "handbook-self-check__result")
    result.setAttribute("role", "status")
    result.tabIndex = -1
    var last = element("p", "handbook-self-check__last")
    section.appendChild(actions)
    section.appendChild(result)
    section.appendChild(last)
    showLast()

    function showLast() {
      var previous = stored()[lesson]
      last.hidden = !previous
      if (previous) last.textContent = fill(words.last, { date: day(previous.date), right: previous.right, total: previous.total })
    }

    check.addEventListener("click", function () {
      var right = 0
      questions.forEach(function (question) {
        var chosen = question.inputs.filter(function (input) { return input.checked })[0]
        var correct = !!chosen && Number(chosen.value) === question.answer
        if (correct) right++
        question.box.classList.toggle("handbook-self-check__question--right", correct)
        question.box.classList.toggle("handbook-self-check__question--wrong", !correct)
        question.feedback.textContent = correct ? words.right : fill(chosen ? words.wrong : words.unanswered, { answer: question.answerText })
        question.feedback.hidden = false
        question.key.hidden = false
        question.key.open = true
        question.inputs.forEach(function (input) { input.disabled = true })
        question.inputs[question.answer].parentNode.classList.add("handbook-self-check__option--answer")
      })
      var values = { right: right, total: questions.length }
      result.textContent = fill(words.result, values)
      store(lesson, { right: right, total: questions.length, date: new Date().toISOString().slice(0, 10) })
      last.hidden = true  // the result just given is the last one
      check.hidden = true
      retry.hidden = false
      result.focus()
    })

    retry.addEventListener("click", function () {
      questions.forEach(function (question) {
        question.box.classList.remove("handbook-self-check__question--right", "handbook-self-check__question--wrong")
        question.feedback.hidden = true
        question.key.hidden = true
        question.key.open = false
        question.inputs.forEach(function (input) { input.disabled = false; input.checked = false })
        question.inputs[question.answer].parentNode.classList.remove("handbook-self-check__option--answer")
      })
      result.textContent = ""
      showLast()
      retry.hidden = true
      check.hidden = false
      questions[0].inputs[0].focus()
    })
  }
})()
