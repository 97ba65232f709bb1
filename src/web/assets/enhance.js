// Enhancements only: every page and every form works without this script (tests run with it off).
// 1. A re-rendered form with errors moves focus to its error summary; a summary link focuses its field.
// 2. A POST form is sent once: a second click while the first is on its way does nothing.

function focusField(id) {
  const field = document.getElementById(id)
  if (!field) return false
  const group = field.closest('.field')
  const heading = group ? group.querySelector('legend, label') : null
  ;(heading || field).scrollIntoView()
  field.focus({ preventScroll: true })
  return true
}

function enhanceErrorSummary() {
  const summary = document.querySelector('.error-summary')
  if (!summary) return
  summary.focus()
  summary.addEventListener('click', (event) => {
    const link = event.target.closest('a[href^="#"]')
    if (link && focusField(link.getAttribute('href').slice(1))) event.preventDefault()
  })
}

function sendFormsOnce() {
  for (const form of document.querySelectorAll('form[method="post"]')) {
    form.addEventListener('submit', (event) => {
      if (form.dataset.sending === 'true') {
        event.preventDefault()
        return
      }
      form.dataset.sending = 'true'
      for (const button of form.querySelectorAll('button')) button.setAttribute('aria-disabled', 'true')
    })
  }
  // A page restored from the back-forward cache may be sent again.
  window.addEventListener('pageshow', () => {
    for (const form of document.querySelectorAll('form[data-sending]')) {
      delete form.dataset.sending
      for (const button of form.querySelectorAll('button')) button.removeAttribute('aria-disabled')
    }
  })
}

enhanceErrorSummary()
sendFormsOnce()
